package io.bedrockgateway.client;

import java.io.IOException;

/**
 * Server-Sent Events read line by line, as the SSE format defines them (never by network chunk,
 * which may hold half an event or several): {@code data:} lines are joined, a blank line ends an
 * event, other fields and {@code :} comments are skipped.
 */
final class SseReader {
  private static final int MAX_LINE_BYTES = 8 * 1024 * 1024;
  private final AnswerBody body;

  SseReader(AnswerBody body) {
    this.body = body;
  }

  /** The next event's data, or null at the end of the stream. */
  String next() throws IOException {
    StringBuilder data = null;
    for (String line = body.readLine(MAX_LINE_BYTES); ; line = body.readLine(MAX_LINE_BYTES)) {
      if (line == null || line.isEmpty()) {
        if (data != null) {
          return data.toString();
        }
        if (line == null) {
          return null;
        }
        continue;
      }
      if (line.startsWith("data:")) {
        String value = line.substring(line.startsWith("data: ") ? 6 : 5);
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
    }
  }
}
