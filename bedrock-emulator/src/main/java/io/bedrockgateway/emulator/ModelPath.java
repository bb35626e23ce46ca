package io.bedrockgateway.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the model id of a {@code /model/{modelId}/...} request path.
 *
 * <p>The path must be split before it is percent-decoded: an inference-profile ARN arrives as one
 * segment with its {@code /} encoded as {@code %2F}.
 */
final class ModelPath {

  private static final int MODEL_ID_SEGMENT = 2;

  private ModelPath() {}

  /**
   * @param rawPath the request path as sent, still percent-encoded
   * @throws BedrockServiceException a ValidationException for a malformed percent-encoding
   */
  static String modelId(String rawPath) {
    String encoded = rawPath.split("/")[MODEL_ID_SEGMENT];
    try {
      // A path segment is not form-encoded: '+' is a plus sign, not a space.
      return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformedEscape) {
      throw BedrockServiceException.validation(
          "The model identifier is not validly percent-encoded: " + encoded);
    }
  }
}
