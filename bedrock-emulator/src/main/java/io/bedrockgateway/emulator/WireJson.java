package io.bedrockgateway.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** JSON as Bedrock writes it (keys sorted alphabetically) and reads it (strictly). */
final class WireJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private WireJson() {}

  static byte[] write(Map<String, ?> document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Could not serialize " + document, e);
    }
  }

  /** The document, or empty if the bytes are not one well-formed JSON value. */
  static Optional<JsonNode> read(byte[] json) {
    try {
      return Optional.ofNullable(MAPPER.readTree(json)).filter(node -> !node.isMissingNode());
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }
}
