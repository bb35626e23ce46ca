package io.bedrockgateway.domain.usage;

import java.util.Locale;

/** Where the token counts of a usage record come from. */
public enum TokensSource {
  /** No model counted anything: the request used no tokens. */
  NONE,

  /** The model's own count, as Bedrock reported it (a stream's metadata event, a response). */
  UPSTREAM,

  /**
   * For a stream whose client left before the model reported its count: the prompt counted by the
   * model (Bedrock's CountTokens, for the models that have it), the output delivered estimated.
   */
  COUNT_TOKENS,

  /**
   * The gateway's estimate, for a stream that ended before the model reported its count: the
   * prompt, and the output delivered until then (see {@code TokenEstimate}).
   */
  ESTIMATE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
