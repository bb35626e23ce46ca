package io.bedrockgateway.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent requests received, bounded so that a long-running emulator (benchmarks, demos)
 * does not keep every request body forever.
 */
final class RequestJournal {

  static final int CAPACITY = 10_000;

  private final Deque<RecordedRequest> requests = new ArrayDeque<>();

  synchronized void record(RecordedRequest request) {
    if (requests.size() == CAPACITY) {
      requests.removeFirst();
    }
    requests.addLast(request);
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(requests);
  }

  synchronized void clear() {
    requests.clear();
  }
}
