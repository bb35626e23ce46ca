package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The optional YAML or JSON file (JSON is YAML too) named by {@code GATEWAY_CONFIG}. Each part of
 * the configuration reads its own section of it ({@code plans}, {@code models}); unknown sections
 * are left alone.
 */
public final class ConfigFile {
  public static final String VARIABLE = "GATEWAY_CONFIG";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigFile() {}

  static Optional<JsonNode> read(Environment environment) {
    return environment
        .get(VARIABLE)
        .map(
            name -> {
              Path file = Path.of(name);
              try {
                JsonNode root = YAML.readTree(Files.readString(file));
                if (root == null || !root.isObject()) {
                  throw new ConfigException(
                      VARIABLE, "(" + file + "): must hold a YAML or JSON map");
                }
                return root;
              } catch (IOException unreadable) {
                throw new ConfigException(
                    VARIABLE,
                    "(" + file + "): cannot be read as YAML or JSON: " + unreadable.getMessage());
              }
            });
  }
}
