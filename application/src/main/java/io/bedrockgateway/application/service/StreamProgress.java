package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.TokenEstimate;
import java.util.Optional;

/**
 * What a stream has brought so far, for the time to the first token, estimates, and the usage to
 * settle: whether the model began, the output it produced, and the last usage it reported.
 *
 * @param <U> the model's report of its usage
 */
final class StreamProgress<U> {
  private final UsageTrace trace;
  private long outputQuarters;
  private boolean began;
  private Optional<U> reported = Optional.empty();

  StreamProgress(UsageTrace trace) {
    this.trace = trace;
  }

  /** The model sent something. */
  void began() {
    began = true;
  }

  /** The model produced a piece of its answer (text, reasoning, tool input). */
  void produced(String output) {
    trace.firstTokenNow();
    outputQuarters += TokenEstimate.quarters(output);
  }

  /**
   * The model produced output the gateway cannot read (encrypted reasoning): reckoned, like an
   * attachment, as a quarter token a byte.
   */
  void producedOpaque(int bytes) {
    trace.firstTokenNow();
    outputQuarters += bytes;
  }

  /** The model reported its usage so far; the last report counts. */
  void reported(U usage) {
    reported = Optional.of(usage);
  }

  /** Whether the model sent anything. */
  boolean hasBegun() {
    return began;
  }

  Optional<U> reported() {
    return reported;
  }

  /** The output produced so far, estimated. */
  long outputTokens() {
    return TokenEstimate.tokens(outputQuarters);
  }

  long outputQuarters() {
    return outputQuarters;
  }
}
