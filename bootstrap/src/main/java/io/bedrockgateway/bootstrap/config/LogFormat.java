package io.bedrockgateway.bootstrap.config;

import java.util.Locale;

/** {@code LOG_FORMAT}: how log lines are written. */
public enum LogFormat {
  /** Readable text when standard output is a terminal, JSON otherwise (the default). */
  AUTO,
  /** One JSON object per line, for a log collector. */
  JSON,
  /** One readable line per event, for people. */
  TEXT;

  /** What an unset {@code LOG_FORMAT} means. */
  public static final LogFormat DEFAULT = AUTO;

  /**
   * @throws IllegalArgumentException for anything but {@code auto}, {@code json} or {@code text}
   */
  public static LogFormat parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "json" -> JSON;
      case "text" -> TEXT;
      default -> throw new IllegalArgumentException(value);
    };
  }

  /** The name of the logback appender that writes this format ({@code logback.xml}). */
  public String appender(boolean stdoutIsTerminal) {
    return switch (this) {
      case JSON -> "json";
      case TEXT -> "text";
      case AUTO -> stdoutIsTerminal ? "text" : "json";
    };
  }
}
