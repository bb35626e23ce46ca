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

  @Test
  void pricesCachedTokensAtTheirOwnRates() {
    ModelPrice sonnet =
        new ModelPrice(
            new BigDecimal("3.00"),
            new BigDecimal("15.00"),
            new BigDecimal("0.30"),
            new BigDecimal("3.75"));

    // 1,000 uncached in, 100 out, 10,000 read from the cache, 2,000 written to it
    Usd cost = sonnet.cost(new TokenUsage(1_000, 100, 10_000, 2_000));

    assertThat(cost.dollars()).isEqualByComparingTo("0.015");
  }

  @Test
  void aPriceWithoutCacheRatesChargesCachedTokensAsInput() {
    ModelPrice plain = new ModelPrice(new BigDecimal("1.00"), new BigDecimal("5.00"));

    assertThat(plain.cost(new TokenUsage(0, 0, 1_000_000, 1_000_000))).isEqualTo(Usd.of("2.00"));
  }

  @Test
  void cachedTokensCountInTheTotal() {
    assertThat(new TokenUsage(1, 2, 30, 400).totalTokens()).isEqualTo(433);
    assertThatIllegalArgumentException().isThrownBy(() -> new TokenUsage(0, 0, -1, 0));
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
