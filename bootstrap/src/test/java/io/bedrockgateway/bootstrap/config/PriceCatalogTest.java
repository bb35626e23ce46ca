package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.image.ImageQuality;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void theShippedPricesHaveCacheRatesForModelsThatCache() {
    PriceTable prices = PriceCatalog.shipped();

    ModelPrice sonnet = prices.priceOf(new ModelId(ConfigLoader.DEFAULT_CHAT_MODEL)).orElseThrow();
    assertThat(sonnet.cacheReadPerMillionTokens()).isEqualByComparingTo("0.30");
    assertThat(sonnet.cacheWritePerMillionTokens()).isEqualByComparingTo("3.75");
    assertThat(
            prices.cost(
                new ModelId("us.anthropic.claude-haiku-4-5-20251001-v1:0"),
                new TokenUsage(0, 0, 1_000_000, 1_000_000)))
        .contains(Usd.of("1.35"));
  }

  @Test
  void everyModelOfTheShippedCatalogueHasThePricesItsOperationsNeed() {
    PriceTable prices = PriceCatalog.shipped();
    ModelCatalog catalogue = ModelCatalogConfig.load(Optional.empty(), "none");

    assertThat(catalogue.entries()).isNotEmpty();
    for (CatalogEntry entry : catalogue.entries()) {
      if (entry.supports(ModelOperation.CHAT) || entry.supports(ModelOperation.EMBED)) {
        assertThat(prices.priceOf(entry.id())).as("token price of " + entry.id()).isPresent();
      }
      if (entry.supports(ModelOperation.IMAGE)
          || (entry.supports(ModelOperation.EMBED) && entry.reads(InputModality.IMAGE))) {
        assertThat(prices.imagePriceOf(entry.id())).as("image price of " + entry.id()).isPresent();
      }
    }
  }

  @Test
  void readsCacheRatesAndTakesTheInputRateWhereTheyAreLeftOut() {
    PriceTable prices =
        PriceCatalog.parse(
            "prices.csv", List.of("a.model,1.0,2.0,0.1,1.25", "b.model,1.0,2.0,,", "c.model,1,2"));

    assertThat(prices.priceOf(new ModelId("a.model")))
        .contains(
            new ModelPrice(
                new BigDecimal("1.0"),
                new BigDecimal("2.0"),
                new BigDecimal("0.1"),
                new BigDecimal("1.25")));
    assertThat(prices.priceOf(new ModelId("b.model")).orElseThrow().cacheWritePerMillionTokens())
        .isEqualByComparingTo("1.0");
    assertThat(prices.priceOf(new ModelId("c.model")).orElseThrow().cacheReadPerMillionTokens())
        .isEqualByComparingTo("1");
    assertThatThrownBy(() -> PriceCatalog.parse("prices.csv", List.of("a,1,1,1")))
        .hasMessageContaining("line 1: expected 3 or 5");
  }

  @Test
  void anOverrideFileKeepsTheShippedImagePrices(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("prices.csv"), "acme.new-model,1.00,2.00\n");

    PriceTable prices = PriceCatalog.withOverrides(Optional.of(file), Optional.empty());

    assertThat(prices.priceOf(new ModelId("acme.new-model"))).isPresent();
    assertThat(prices.imagePriceOf(new ModelId("stability.stable-image-core-v1:1"))).isPresent();
  }

  @Test
  void anImagePriceFileReplacesAModelsTiersAndAddsModels(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("images.csv"),
            "model_id,max_pixels,standard,premium\n"
                + "stability.stable-image-core-v1:1,4194304,0.03,0.03\n"
                + "acme.painter-v1,1048576,0.01,0.02\n");

    PriceTable prices = PriceCatalog.withOverrides(Optional.empty(), Optional.of(file));

    assertThat(
            prices.imageCost(
                new ModelId("stability.stable-image-core-v1:1"),
                1024,
                1024,
                ImageQuality.STANDARD,
                2))
        .contains(Usd.of("0.06"));
    assertThat(prices.imageCost(new ModelId("acme.painter-v1"), 512, 512, ImageQuality.PREMIUM, 1))
        .contains(Usd.of("0.02"));
    assertThat(prices.priceOf(new ModelId("amazon.nova-lite-v1:0"))).isPresent();
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
