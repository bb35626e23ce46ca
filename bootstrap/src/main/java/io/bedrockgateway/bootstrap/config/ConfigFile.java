package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The optional JSON file named by {@code GATEWAY_CONFIG}. Each part of the configuration reads its
 * own section of it; unknown sections are left alone.
 */
public final class ConfigFile {
  public static final String VARIABLE = "GATEWAY_CONFIG";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfigFile() {}

  static Optional<JsonNode> read(Environment environment) {
    return environment
        .get(VARIABLE)
        .map(
            name -> {
              Path file = Path.of(name);
              try {
                JsonNode root = JSON.readTree(Files.readString(file));
                if (root == null || !root.isObject()) {
                  throw new ConfigException(VARIABLE, "must name a file holding a JSON object");
                }
                return root;
              } catch (IOException unreadable) {
                throw new ConfigException(
                    VARIABLE,
                    "names " + file + ", which cannot be read as JSON: " + unreadable.getMessage());
              }
            });
  }
}
