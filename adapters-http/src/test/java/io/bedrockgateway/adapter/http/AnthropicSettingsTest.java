package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the Anthropic surface's settings, one row each: what is kept and what is refused.
 */
class AnthropicSettingsTest {
  private static List<String> names(String list) {
    return list == null ? List.of() : Arrays.stream(list.split(";")).toList();
  }

  @ParameterizedTest(name = "fields={0} betas={1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // both unset: Bedrock's own lists
        "- | - | 11 | 11",
        // a shorter list of fields, the default betas
        "max_tokens;messages;system | - | 3 | 11",
        // one beta only, the default fields
        "- | context-1m-2025-08-07 | 11 | 1",
        // duplicates count once
        "max_tokens;messages;messages | a-beta;a-beta | 2 | 1"
      })
  void aValidListReplacesItsDefault(String fields, String betas, int fieldCount, int betaCount) {
    AnthropicSettings settings = AnthropicSettings.of(names(fields), names(betas));

    assertThat(settings.bodyFields()).hasSize(fieldCount);
    assertThat(settings.betas()).hasSize(betaCount);
    assertThat(settings.pingInterval()).isEqualTo(AnthropicSettings.DEFAULTS.pingInterval());
  }

  @ParameterizedTest(name = "fields={0} betas={1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "messages;system | - | ANTHROPIC_BEDROCK_BODY_FIELDS must include max_tokens",
        "max_tokens | - | ANTHROPIC_BEDROCK_BODY_FIELDS must include messages",
        "max_tokens;messages;model | - | ANTHROPIC_BEDROCK_BODY_FIELDS must not name model",
        "max_tokens;messages;stream | - | ANTHROPIC_BEDROCK_BODY_FIELDS must not name stream",
        "max_tokens;messages;anthropic_version | - | must not name anthropic_version",
        "max_tokens;messages;Top_K | - | ANTHROPIC_BEDROCK_BODY_FIELDS must list names",
        "max_tokens;messages;top k | - | ANTHROPIC_BEDROCK_BODY_FIELDS must list names",
        "- | Beta-1 | ANTHROPIC_BEDROCK_BETAS must list names",
        "- | beta one | ANTHROPIC_BEDROCK_BETAS must list names",
        "- | -beta | ANTHROPIC_BEDROCK_BETAS must list names"
      })
  void aBadListIsRefusedNamingItsVariable(String fields, String betas, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AnthropicSettings.of(names(fields), names(betas)))
        .withMessageContaining(message);
  }

  @ParameterizedTest(name = "{0} ms")
  @CsvSource({"0", "-1", "15001"})
  void aPingIntervalOutsideOneMillisecondToFifteenSecondsIsRefused(long millis) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AnthropicSettings(
                    Set.of("max_tokens", "messages"), Set.of(), Duration.ofMillis(millis)))
        .withMessageContaining("pingInterval");
  }
}
