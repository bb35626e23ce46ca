package io.bedrockgateway.domain.chat;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Bedrock model id, inference-profile id or ARN, or a catalogue alias, as the caller named it.
 * Only what Bedrock could accept passes:
 *
 * <ul>
 *   <li>a name of letters, digits, {@code .}, {@code -}, {@code _} and {@code :} that starts with a
 *       letter or digit, at most {@value #MAX_NAME_LENGTH} characters: foundation model ids ({@code
 *       anthropic.claude-3-5-sonnet-20240620-v1:0}, {@code cohere.embed-english-v3}), inference
 *       profile ids ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}, {@code us-gov.}, ...
 *       prefixes) and catalogue aliases ({@code claude-sonnet});
 *   <li>a Bedrock ARN, {@code arn:aws[-cn|-us-gov|-iso|-iso-b]:bedrock:<region>:<account>:<type>/
 *       <resource>}, the account 12 digits or empty (foundation models), the type one of Bedrock's
 *       model resource types, the resource one or more {@code /}-separated names as above, at most
 *       {@value #MAX_LENGTH} characters in all.
 * </ul>
 *
 * Anything else (white space, control characters, slashes outside an ARN, {@code ../}) is refused.
 */
public record ModelId(String value) {
  public static final int MAX_LENGTH = 2048;
  public static final int MAX_NAME_LENGTH = 256;

  private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._:-]*";
  private static final Pattern PLAIN = Pattern.compile(NAME);
  private static final Pattern ARN =
      Pattern.compile(
          "arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:bedrock:[a-z0-9-]{1,32}:(?:[0-9]{12})?:"
              + "(?:foundation-model|inference-profile|application-inference-profile"
              + "|provisioned-model|custom-model|custom-model-deployment|imported-model"
              + "|prompt-router|default-prompt-router)"
              + "/"
              + NAME
              + "(?:/"
              + NAME
              + ")*");
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
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("model id must not contain control characters");
    }
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException(
          "model id must be a Bedrock model id (such as anthropic.claude-3-5-sonnet-20240620-v1:0),"
              + " an inference profile id (such as us.amazon.nova-pro-v1:0), a Bedrock ARN, or a catalogue alias of letters,"
              + " digits, '.', '-', '_' and ':' (at most "
              + MAX_NAME_LENGTH
              + " characters)");
    }
  }

  private static boolean isWellFormed(String value) {
    if (value.startsWith("arn:")) {
      return ARN.matcher(value).matches();
    }
    return value.length() <= MAX_NAME_LENGTH && PLAIN.matcher(value).matches();
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
