package io.bedrockgateway.emulator;

/** A failure a request asked the emulator to inject. */
sealed interface Fault {

  /** Rejects the request with an error response, before any answer. */
  record Reject(ServiceError error) implements Fault {}

  /** A fault that strikes after some tokens of the answer were sent. */
  sealed interface Interruption extends Fault {

    /** How many tokens are sent before the fault. */
    int deltas();

    /**
     * This fault for an answer of {@code answerTokens} tokens: it strikes at the latest after the
     * last one.
     */
    Interruption within(int answerTokens);
  }

  /** Sends {@code deltas} tokens, then fails with an exception frame. */
  record FailAfterDeltas(int deltas, ServiceError error) implements Interruption {
    @Override
    public FailAfterDeltas within(int answerTokens) {
      return new FailAfterDeltas(Math.min(deltas, answerTokens), error);
    }
  }

  /** Sends {@code deltas} tokens, then nothing more while keeping the connection open. */
  record StallAfterDeltas(int deltas) implements Interruption {
    @Override
    public StallAfterDeltas within(int answerTokens) {
      return new StallAfterDeltas(Math.min(deltas, answerTokens));
    }
  }
}
