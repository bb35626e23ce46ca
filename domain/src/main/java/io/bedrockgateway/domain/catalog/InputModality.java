package io.bedrockgateway.domain.catalog;

/** What a model can read. */
public enum InputModality {
  TEXT("text"),
  IMAGE("image"),
  DOCUMENT("document");

  private final String wireName;

  InputModality(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
