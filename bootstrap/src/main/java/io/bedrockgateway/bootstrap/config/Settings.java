package io.bedrockgateway.bootstrap.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Typed reads of one environment, each failure naming its variable. */
final class Settings {
  private final Environment environment;

  Settings(Environment environment) {
    this.environment = environment;
  }

  Environment environment() {
    return environment;
  }

  String text(String name, String fallback) {
    return environment.get(name).orElse(fallback);
  }

  long wholeNumber(String name, long fallback, long min, long max) {
    return environment
        .get(name)
        .map(
            value ->
                parse(
                    name,
                    value,
                    Long::parseLong,
                    "must be a whole number from " + min + " to " + max))
        .map(
            number -> {
              if (number < min || number > max) {
                throw new ConfigException(
                    name, "must be a whole number from " + min + " to " + max + ", got " + number);
              }
              return number;
            })
        .orElse(fallback);
  }

  Duration seconds(String name, Duration fallback, long minSeconds, long maxSeconds) {
    return Duration.ofSeconds(wholeNumber(name, fallback.toSeconds(), minSeconds, maxSeconds));
  }

  Duration millis(String name, Duration fallback, long minMillis, long maxMillis) {
    return Duration.ofMillis(wholeNumber(name, fallback.toMillis(), minMillis, maxMillis));
  }

  boolean flag(String name, boolean fallback) {
    return choice(
        name,
        fallback,
        value ->
            switch (value.toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes" -> true;
              case "false", "0", "no" -> false;
              default -> throw new IllegalArgumentException(value);
            },
        "true or false");
  }

  /** A decimal number, absent when unset. */
  Optional<BigDecimal> decimal(String name) {
    return environment
        .get(name)
        .map(value -> parse(name, value, BigDecimal::new, "must be a decimal number"));
  }

  Optional<URI> httpUri(String name) {
    return environment
        .get(name)
        .map(
            value -> {
              URI uri = parse(name, value, Settings::toUri, "must be an http:// or https:// URL");
              String scheme =
                  uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
              if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigException(
                    name, "must be an http:// or https:// URL, got '" + value + "'");
              }
              return uri;
            });
  }

  /** A value never echoed in errors (a password, a token, a URI with credentials). */
  java.util.Optional<String> secret(String name) {
    return environment.get(name);
  }

  java.util.Optional<Path> path(String name) {
    return environment.get(name).map(value -> parse(name, value, Path::of, "must be a file path"));
  }

  /**
   * A directory the gateway can write to, or create: checked here, created only by whoever uses it
   * (a command line run must not leave directories behind).
   */
  Path writableDirectory(String name, Path fallback) {
    Path directory = path(name).orElse(fallback).toAbsolutePath();
    Path existing = directory;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      throw new ConfigException(
          name, "must be a directory the gateway can write to or create, got '" + directory + "'");
    }
    return directory;
  }

  /** A comma-separated list, or a JSON list of strings. */
  List<String> list(String name) {
    return environment.get(name).map(value -> splitList(name, value)).orElse(List.of());
  }

  <T> T choice(String name, T fallback, Function<String, T> parser, String allowed) {
    return environment
        .get(name)
        .map(value -> parse(name, value, parser, "must be one of " + allowed))
        .orElse(fallback);
  }

  private static List<String> splitList(String name, String value) {
    String body = value;
    if (value.startsWith("[")) {
      if (!value.endsWith("]")) {
        throw new ConfigException(name, "looks like a JSON list but does not end with ]");
      }
      body = value.substring(1, value.length() - 1);
    }
    return Arrays.stream(body.split(","))
        .map(String::strip)
        .map(entry -> stripQuotes(name, entry))
        .filter(entry -> !entry.isEmpty())
        .toList();
  }

  private static String stripQuotes(String name, String entry) {
    if (entry.startsWith("\"") != entry.endsWith("\"") || entry.equals("\"")) {
      throw new ConfigException(name, "has an unbalanced quote in '" + entry + "'");
    }
    return entry.startsWith("\"") ? entry.substring(1, entry.length() - 1).strip() : entry;
  }

  private static URI toUri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException(malformed);
    }
  }

  private static <T> T parse(String name, String value, Function<String, T> parser, String rule) {
    try {
      return parser.apply(value);
    } catch (RuntimeException invalid) {
      throw new ConfigException(name, rule + ", got '" + value + "'");
    }
  }
}
