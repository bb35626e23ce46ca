package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.out.EmbeddingInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.ImagePrice;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Image embeddings cost their text tokens and a price per image, reserved and recorded. */
class EmbedServiceTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final ModelId MULTIMODAL = new ModelId("amazon.titan-embed-image-v1");
  private static final ModelId TEXT = new ModelId("amazon.titan-embed-text-v2:0");
  private static final ModelPrice TOKENS = new ModelPrice(new BigDecimal("0.80"), BigDecimal.ZERO);
  private static final ImagePrice PER_IMAGE =
      new ImagePrice(List.of(new ImagePrice.Tier(4_194_304, Usd.of("0.00006"), Usd.of("0.00006"))));

  private final RecordingLedger ledger = new RecordingLedger();
  private final List<Demand> demands = new ArrayList<>();

  private EmbedService service(PriceTable prices) {
    QuotaCounter quota =
        new QuotaCounter() {
          @Override
          public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
            demands.add(demand);
            return new AdmissionDecision.Admitted(
                Reservation.admit(who, requestId, demand, CLOCK.instant()), Optional.empty());
          }

          @Override
          public void settle(Reservation reservation, Consumption actual) {}
        };
    return new EmbedService(
        new ModelCallFlow(quota, ledger, new RecordingMetrics(), CLOCK, ModelCatalog.EMPTY, prices),
        new ImagesOnlyEmbedder(),
        new EmbedSettings(TEXT, MULTIMODAL));
  }

  @Test
  void anEmbeddedImageCostsItsTokensAndItsPricePerImage() {
    PriceTable prices =
        new PriceTable(Map.of(MULTIMODAL.value(), TOKENS), Map.of(MULTIMODAL.value(), PER_IMAGE));

    service(prices).embedImage(command(TestPrincipals.unlimited()));

    UsageEvent event = ledger.events.getFirst();
    assertThat(event.images()).isEqualTo(1);
    // 10 text tokens at $0.80 per million, and one image at $0.00006
    assertThat(event.cost()).contains(new Usd(10 * 800 + 60_000));
    assertThat(demands.getFirst().cost()).isEqualTo(new Usd(2 * 800 + 60_000));
  }

  @Test
  void withoutAPricePerImageTheCostIsUnknownAndABudgetedKeyIsRefused() {
    PriceTable tokensOnly = new PriceTable(Map.of(MULTIMODAL.value(), TOKENS));
    Principal budgeted =
        TestPrincipals.withPlan(Plan.unlimited("capped").withMonthlyBudget(Usd.of("10")));

    service(tokensOnly).embedImage(command(TestPrincipals.unlimited()));

    assertThat(ledger.events.getFirst().cost()).isEmpty();
    assertThatThrownBy(() -> service(tokensOnly).embedImage(command(budgeted)))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining(MULTIMODAL.value())
        .hasMessageContaining("image price")
        .hasMessageContaining("IMAGE_PRICES_FILE");
  }

  private static EmbedCommand<ImageEmbeddingRequest> command(Principal caller) {
    return new EmbedCommand<>(
        caller,
        Optional.empty(),
        new ImageEmbeddingRequest(
            new BinaryData(new byte[] {1, 2, 3}), Optional.of("a cat"), OptionalInt.empty()),
        new RequestContext(
            RequestId.generate(), CLOCK.instant(), Optional.empty(), Optional.empty()));
  }

  /** Embeds images only: one vector, ten input tokens. */
  private static final class ImagesOnlyEmbedder implements EmbeddingInvoker {
    @Override
    public EmbeddingResult embedImage(ModelRoute route, ImageEmbeddingRequest request) {
      return new EmbeddingResult(
          List.of(new Embedding(new float[] {0.5f})), 10, route.primaryModel());
    }

    @Override
    public EmbeddingResult embedTexts(ModelRoute route, TextEmbeddingRequest request) {
      throw new AssertionError("not a text embedding");
    }
  }
}
