package io.bedrockgateway.domain.chat;

/**
 * Who wrote a turn of a conversation. System instructions are not a role: see {@link
 * ChatRequest#system()}.
 */
public enum Role {
  USER("user"),
  ASSISTANT("assistant");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
