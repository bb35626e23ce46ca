package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

  @Test
  void theShippedPricesCoverTheDefaultChatModelThroughItsProfile() {
    PriceTable prices = PriceCatalog.shipped();

    assertThat(
            prices.cost(new ModelId(ConfigLoader.DEFAULT_CHAT_MODEL), new TokenUsage(1_000_000, 0)))
        .contains(Usd.of("3.00"));
    assertThat(prices.cost(new ModelId("amazon.nova-micro-v1:0"), new TokenUsage(0, 1_000_000)))
        .contains(Usd.of("0.14"));
  }

  @Test
  void namesTheLineOfABadEntry() {
    assertThatThrownBy(
            () ->
                PriceCatalog.parse(
                    "prices.csv", List.of("model_id,in,out", "# comment", "a.model,1.0,zero")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("prices.csv")
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> PriceCatalog.parse("prices.csv", List.of("a.model,1.0,-2")))
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> PriceCatalog.parse("prices.csv", List.of("a,1,1", "a,2,2")))
        .hasMessageContaining("listed twice");
  }
}
