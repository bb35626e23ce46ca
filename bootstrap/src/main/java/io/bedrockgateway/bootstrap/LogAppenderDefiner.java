package io.bedrockgateway.bootstrap;

import ch.qos.logback.core.PropertyDefinerBase;
import io.bedrockgateway.bootstrap.config.LogFormat;
import java.io.Console;
import java.util.Optional;

/**
 * Tells {@code logback.xml} which appender {@code LOG_FORMAT} asks for. Logback starts before the
 * configuration is read, so a bad value here falls back to the default; the start then stops on it
 * with a message naming {@code LOG_FORMAT}.
 */
public final class LogAppenderDefiner extends PropertyDefinerBase {
  @Override
  public String getPropertyValue() {
    LogFormat format;
    try {
      format =
          Optional.ofNullable(System.getenv("LOG_FORMAT"))
              .map(LogFormat::parse)
              .orElse(LogFormat.DEFAULT);
    } catch (IllegalArgumentException invalid) {
      format = LogFormat.DEFAULT;
    }
    return format.appender(stdoutIsTerminal());
  }

  /**
   * Whether the standard streams are a terminal: on JDK 22+ {@code Console.isTerminal()} says so;
   * on JDK 21 there is a console only for a terminal.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException java21) {
      return true;
    } catch (ReflectiveOperationException unknown) {
      return false;
    }
  }
}
