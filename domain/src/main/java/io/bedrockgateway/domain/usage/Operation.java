package io.bedrockgateway.domain.usage;

/** What a request asked the gateway to do. */
public enum Operation {
  CONVERSE("converse"),
  CONVERSE_STREAM("converse_stream");

  private final String wireName;

  Operation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
