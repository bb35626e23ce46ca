package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatedAnswerTest {

  @Test
  void theSameTextAlwaysGetsTheSameAnswer() {
    assertThat(EmulatedAnswer.text("What is a river?", 12))
        .isEqualTo(EmulatedAnswer.text("What is a river?", 12));
  }

  @Test
  void differentTextsGetDifferentAnswers() {
    assertThat(EmulatedAnswer.text("What is a river?"))
        .isNotEqualTo(EmulatedAnswer.text("What is a mountain?"));
  }

  @Test
  void eachTokenIsAWordFollowedByASpace() {
    List<String> tokens = EmulatedAnswer.tokens("Hello", 30);

    assertThat(tokens).hasSize(30).allMatch(token -> token.matches("[a-z]+ "));
  }

  @Test
  void directivesDoNotChangeTheAnswer() {
    assertThat(EmulatedAnswer.text("Hello [emulator:tokens=5]", 5))
        .isEqualTo(EmulatedAnswer.text("Hello", 5));
    assertThat(EmulatedAnswer.text("Tell me [emulator:token-delay-ms=5] a story", 8))
        .isEqualTo(EmulatedAnswer.text("Tell me a story", 8));
  }

  @Test
  void aShorterAnswerIsAPrefixOfALongerOne() {
    assertThat(EmulatedAnswer.text("Hello", 24)).startsWith(EmulatedAnswer.text("Hello", 7));
  }

  @Test
  void theDefaultLengthIsTwentyFourTokens() {
    assertThat(EmulatedAnswer.text("Hello")).isEqualTo(EmulatedAnswer.text("Hello", 24));
  }

  @Test
  void aNegativeLengthIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> EmulatedAnswer.tokens("Hello", -1));
  }

  @Test
  void inputTokensAreOnePerFourCharactersRoundedUp() {
    assertThat(EmulatedUsage.inputTokens(List.of("abcd", "e"))).isEqualTo(2);
    assertThat(EmulatedUsage.inputTokens(List.of("abcdefgh"))).isEqualTo(2);
    assertThat(EmulatedUsage.inputTokens(List.of())).isEqualTo(1);
  }
}
