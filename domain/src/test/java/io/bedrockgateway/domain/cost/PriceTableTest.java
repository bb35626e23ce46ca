package io.bedrockgateway.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTableTest {
  private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";
  private static final PriceTable PRICES =
      new PriceTable(
          Map.of(SONNET, new ModelPrice(new BigDecimal("3.00"), new BigDecimal("15.00"))));

  @Test
  void pricesInputAndOutputTokensPerMillion() {
    Usd cost = PRICES.cost(new ModelId(SONNET), new TokenUsage(1_000, 2_000)).orElseThrow();

    assertThat(cost.dollars()).isEqualByComparingTo("0.033");
    assertThat(cost).hasToString("$0.033");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "us." + SONNET,
        "eu." + SONNET,
        "apac." + SONNET,
        "global." + SONNET,
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us." + SONNET,
        "arn:aws:bedrock:us-east-1::foundation-model/" + SONNET
      })
  void pricesProfilesAndArnsAsTheirBaseModel(String id) {
    assertThat(PRICES.priceOf(new ModelId(id))).isPresent();
  }

  @Test
  void hasNoPriceForUnknownModels() {
    assertThat(PRICES.cost(new ModelId("acme.unknown-v1"), new TokenUsage(1, 1))).isEmpty();
  }

  @Test
  void keepsTheCostOfSingleTokensOfCheapModels() {
    ModelPrice micro = new ModelPrice(new BigDecimal("0.035"), new BigDecimal("0.14"));

    assertThat(micro.cost(new TokenUsage(1, 0))).isEqualTo(new Usd(35));
    assertThat(micro.cost(new TokenUsage(0, 1))).isEqualTo(new Usd(140));
  }

  @Test
  void amountsAreNeverNegativeAndAddExactly() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Usd(-1));
    assertThat(Usd.of("0.1").plus(Usd.of("0.2"))).isEqualTo(Usd.of("0.3"));
  }
}
