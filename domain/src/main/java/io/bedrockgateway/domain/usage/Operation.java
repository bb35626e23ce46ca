package io.bedrockgateway.domain.usage;

/** What a request asked the gateway to do. */
public enum Operation {
  CONVERSE("converse"),
  CONVERSE_STREAM("converse_stream"),
  EMBED_TEXT("embed_text"),
  EMBED_TEXT_BATCH("embed_text_batch"),
  EMBED_IMAGE("embed_image"),
  GENERATE_IMAGE("generate_image"),
  /** A Bedrock InvokeModel body passed through (Anthropic and Bedrock-native surfaces). */
  INVOKE("invoke"),
  INVOKE_STREAM("invoke_stream"),
  /** The input tokens of an InvokeModel body, counted by the model. */
  COUNT_TOKENS("count_tokens");

  private final String wireName;

  Operation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether the answer is streamed to the caller as the model produces it. */
  public boolean streamed() {
    return this == CONVERSE_STREAM || this == INVOKE_STREAM;
  }
}
