package io.bedrockgateway.domain.chat;

import java.util.Objects;
import java.util.Set;

/** A Bedrock model id, inference-profile id or ARN, as the caller named it. */
public record ModelId(String value) {
  private static final int MAX_LENGTH = 2048;
  private static final Set<String> GEOGRAPHIC_PREFIXES =
      Set.of("us", "eu", "apac", "global", "jp", "ca", "in", "au", "us-gov");

  public ModelId {
    Objects.requireNonNull(value, "model id");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("model id must be 1 to " + MAX_LENGTH + " characters");
    }
    if (value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("model id must not contain white space");
    }
  }

  /**
   * The foundation model behind this id: an ARN's resource name without its type, and an
   * inference-profile id without its geographic prefix ({@code us.}, {@code eu.}, {@code apac.},
   * {@code global.}, ...).
   */
  public String baseModelId() {
    String id = value;
    int slash = id.lastIndexOf('/');
    if (id.startsWith("arn:") && slash >= 0) {
      id = id.substring(slash + 1);
    }
    int dot = id.indexOf('.');
    boolean geographicPrefix =
        dot > 0
            && id.indexOf('.', dot + 1) > 0
            && GEOGRAPHIC_PREFIXES.contains(id.substring(0, dot));
    return geographicPrefix ? id.substring(dot + 1) : id;
  }

  @Override
  public String toString() {
    return value;
  }
}
