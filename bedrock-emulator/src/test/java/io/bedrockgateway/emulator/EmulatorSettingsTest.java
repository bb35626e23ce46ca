package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorSettingsTest {

  @Test
  void defaultsListOnLoopbackPort4010AndAnswerInstantly() {
    EmulatorSettings defaults = EmulatorSettings.defaults();

    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.port()).isEqualTo(4010);
    assertThat(defaults.timeToFirstToken()).isZero();
    assertThat(defaults.tokenDelay()).isZero();
    assertThat(defaults.answerTokens()).isEqualTo(EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(EmulatorSettings.onFreePort().port()).isZero();
  }

  @Test
  void rejectsImpossibleValues() {
    EmulatorSettings defaults = EmulatorSettings.defaults();

    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withPort(-1));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withPort(65_536));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withHost(" "));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> defaults.withTimeToFirstToken(Duration.ofMillis(-1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> defaults.withTokenDelay(Duration.ofMillis(-1)));
    assertThatIllegalArgumentException().isThrownBy(() -> defaults.withAnswerTokens(0));
  }

  @Test
  void aStartedEmulatorOnPortZeroListensOnAFreePort() {
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort())) {
      assertThat(emulator.port()).isPositive();
      assertThat(emulator.endpoint()).hasToString("http://127.0.0.1:" + emulator.port());
    }
  }
}
