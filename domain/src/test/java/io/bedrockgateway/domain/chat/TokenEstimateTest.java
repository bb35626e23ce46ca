package io.bedrockgateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenEstimateTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                | 0
          Hello                             | 2
          'four char text, sixteen+ chars.' | 8
          привет мир                        | 5
          こんにちは世界                       | 7
          日本語の答え                         | 6
          你好                               | 2
          안녕하세요                           | 5
          😀                                | 1
          👍🏽                               | 2
          👩‍👩‍👧                             | 5
          """)
  void countsEveryCjkCharacterAndEmojiCodePointAsAtLeastOneToken(String text, long tokens) {
    assertThat(TokenEstimate.of(text)).isEqualTo(tokens);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"こんにちは世界、お元気ですか", "🎉🎉🎉🎉🎉🎉🎉🎉", "天気が良いので散歩します"})
  void neverCountsNonLatinTextAsCharactersOverFour(String text) {
    long characters = text.codePointCount(0, text.length());

    assertThat(TokenEstimate.of(text)).isGreaterThanOrEqualTo(characters);
  }
}
