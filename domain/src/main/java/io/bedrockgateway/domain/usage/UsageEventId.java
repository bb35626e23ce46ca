package io.bedrockgateway.domain.usage;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The gateway's own identity of one usage event: assigned once, when the request's event is made,
 * and kept through the queue, the spool and its replays, so that storing an event twice is
 * recognised as a replay. Never taken from the client: a client's {@code X-Request-ID} may repeat.
 */
public record UsageEventId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public UsageEventId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a usage event id is 1 to 64 of [A-Za-z0-9-]");
    }
  }

  /** A new id, unique with overwhelming probability (a random UUID). */
  public static UsageEventId generate() {
    return new UsageEventId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
