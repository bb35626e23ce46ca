package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogFormatTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "auto | true  | text",
        "auto | false | json",
        "json | true  | json",
        "json | false | json",
        "text | true  | text",
        "text | false | text",
        "JSON | false | json",
        "' Text ' | false | text"
      })
  void writesWithTheAppenderTheValueAndTheTerminalAskFor(
      String value, boolean terminal, String appender) {
    assertThat(LogFormat.parse(value).appender(terminal)).isEqualTo(appender);
  }

  @Test
  void unsetIsAutoTextOnATerminalJsonOtherwise() {
    assertThat(LogFormat.DEFAULT).isEqualTo(LogFormat.AUTO);
    assertThat(LogFormat.DEFAULT.appender(true)).isEqualTo("text");
    assertThat(LogFormat.DEFAULT.appender(false)).isEqualTo("json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"xml", "", "jsonl", "plain"})
  void anyOtherValueIsRefused(String value) {
    assertThatThrownBy(() -> LogFormat.parse(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"auto", "json", "text"})
  void theConfigurationAcceptsEveryFormat(String value) {
    assertThatCode(() -> ConfigLoader.load(Environment.of(Map.of("LOG_FORMAT", value))))
        .doesNotThrowAnyException();
  }
}
