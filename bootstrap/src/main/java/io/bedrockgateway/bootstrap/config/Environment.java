package io.bedrockgateway.bootstrap.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where settings come from: the process environment, over a {@code .env} file whose lines are
 * {@code NAME=value} (blank lines and {@code #} comments ignored, optional quotes stripped).
 */
public final class Environment {
  private final Map<String, String> values;

  private Environment(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Environment of(Map<String, String> values) {
    return new Environment(values);
  }

  /** The process environment over the {@code .env} file in {@code directory}, if there is one. */
  public static Environment load(Map<String, String> processEnvironment, Path directory) {
    Map<String, String> merged = new HashMap<>(readDotEnv(directory.resolve(".env")));
    merged.putAll(processEnvironment);
    return new Environment(merged);
  }

  /** The value of {@code name}, absent when unset or blank. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  private static Map<String, String> readDotEnv(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new ConfigException(file.toString(), "cannot be read: " + unreadable.getMessage());
    }
    Map<String, String> entries = new HashMap<>();
    for (String line : lines) {
      String trimmed = line.strip();
      int equals = trimmed.indexOf('=');
      if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
        continue;
      }
      String name = trimmed.substring(0, equals).strip();
      if (name.startsWith("export ")) {
        name = name.substring("export ".length()).strip();
      }
      entries.put(name, unquote(trimmed.substring(equals + 1).strip()));
    }
    return entries;
  }

  private static String unquote(String value) {
    boolean quoted =
        value.length() >= 2
            && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
    return quoted ? value.substring(1, value.length() - 1) : value;
  }
}
