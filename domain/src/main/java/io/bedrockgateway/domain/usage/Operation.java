package io.bedrockgateway.domain.usage;

/** What a request asked the gateway to do. */
public enum Operation {
  CONVERSE("converse"),
  CONVERSE_STREAM("converse_stream"),
  EMBED_TEXT("embed_text"),
  EMBED_TEXT_BATCH("embed_text_batch"),
  EMBED_IMAGE("embed_image"),
  GENERATE_IMAGE("generate_image");

  private final String wireName;

  Operation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
