package io.bedrockgateway.adapter.bedrock;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** How the last attempt at Bedrock ended, for health. Thread-safe; one write per attempt. */
final class LastOutcome {
  /** An attempt's end: when, and the error kind when it failed. */
  record Outcome(Instant at, Optional<String> errorKind) {
    String describe() {
      return errorKind
          .map(kind -> "last call failed at " + at + " (" + kind + ")")
          .orElse("last call succeeded at " + at);
    }
  }

  private final Clock clock;
  private final AtomicReference<Outcome> last = new AtomicReference<>();

  LastOutcome(Clock clock) {
    this.clock = clock;
  }

  void succeeded() {
    last.set(new Outcome(clock.instant(), Optional.empty()));
  }

  void failed(String errorKind) {
    last.set(new Outcome(clock.instant(), Optional.of(errorKind)));
  }

  String describe() {
    return Optional.ofNullable(last.get()).map(Outcome::describe).orElse("no call yet");
  }
}
