package io.bedrockgateway.domain.request;

/**
 * The API a request was made through. One key's limits, budgets and usage are the same whichever it
 * uses; the surface is recorded so an operator can tell them apart.
 */
public enum ApiSurface {
  /** The gateway's own API, {@code /api/v1}. */
  NATIVE("native"),
  /** The OpenAI-compatible API, {@code /v1/chat/completions} and the rest. */
  OPENAI("openai"),
  /** The Anthropic Messages API, {@code /v1/messages}. */
  ANTHROPIC("anthropic"),
  /** Bedrock Runtime's own API, {@code /bedrock/model/...}. */
  BEDROCK("bedrock");

  private final String wireName;

  ApiSurface(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name stored and reported, e.g. {@code openai}. */
  public String wireName() {
    return wireName;
  }

  /** The surface of a stored or reported name. */
  public static ApiSurface fromWireName(String name) {
    for (ApiSurface surface : values()) {
      if (surface.wireName.equals(name)) {
        return surface;
      }
    }
    throw new IllegalArgumentException("unknown API surface: " + name);
  }
}
