package io.bedrockgateway.domain.catalog;

/** What a model can be asked to do. */
public enum ModelOperation {
  CHAT("chat"),
  EMBED("embed"),
  IMAGE("image");

  private final String wireName;

  ModelOperation(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
