package io.bedrockgateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InferenceParametersTest {

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.01, Double.NaN})
  void rejectsATemperatureOutsideTheUnitInterval(double temperature) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new InferenceParameters(
                    Optional.empty(), Optional.of(temperature), Optional.empty(), List.of()))
        .withMessageContaining("temperature");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100_001})
  void rejectsMaxTokensOutOfRange(int maxTokens) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new InferenceParameters(
                    Optional.of(maxTokens), Optional.empty(), Optional.empty(), List.of()))
        .withMessageContaining("max_tokens");
  }

  @Test
  void rejectsMoreThanFourStopSequences() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new InferenceParameters(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of("a", "b", "c", "d", "e")))
        .withMessageContaining("stop_sequences");
  }

  @Test
  void acceptsTheBoundsAndKnowsWhenItIsEmpty() {
    InferenceParameters bounds =
        new InferenceParameters(Optional.of(1), Optional.of(0.0), Optional.of(1.0), List.of("x"));

    assertThat(bounds.isEmpty()).isFalse();
    assertThat(InferenceParameters.DEFAULTS.isEmpty()).isTrue();
  }
}
