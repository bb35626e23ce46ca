package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.CachePoint;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.TokensSource;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConverseServiceTest {
  private static final ModelId DEFAULT_MODEL = new ModelId("amazon.nova-lite-v1:0");
  private static final ModelId UNPRICED = new ModelId("acme.unpriced-v1:0");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
  private static final ConverseSettings SETTINGS = new ConverseSettings(DEFAULT_MODEL, 1_000);
  private static final PriceTable PRICES =
      new PriceTable(
          Map.of(
              "amazon.nova-lite-v1:0",
              new ModelPrice(new BigDecimal("0.06"), new BigDecimal("0.24"))));
  private static final RateLimitStatus STATUS =
      new RateLimitStatus(10, 9, Instant.parse("2026-11-24T12:01:00Z"));

  private final Principal principal = TestPrincipals.unlimited();
  private final RecordingLedger ledger = new RecordingLedger();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private final List<UsageEvent> usage = ledger.events;
  private final List<TokenUsage> settled = new ArrayList<>();
  private final List<Usd> settledCosts = new ArrayList<>();
  private final List<Demand> demands = new ArrayList<>();
  private final List<ModelRoute> invoked = new ArrayList<>();
  private AdmissionDecision decision;

  private ConverseService service(ChatInvoker invoker) {
    QuotaCounter quota =
        new QuotaCounter() {
          @Override
          public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
            demands.add(demand);
            return decision != null
                ? decision
                : new AdmissionDecision.Admitted(
                    Reservation.admit(who, requestId, demand, CLOCK.instant()),
                    Optional.of(STATUS));
          }

          @Override
          public void settle(Reservation reservation, Consumption actual) {
            settled.add(actual.usage());
            settledCosts.add(actual.cost());
          }
        };
    return new ConverseService(
        new ModelCallFlow(quota, ledger, metrics, CLOCK, ModelCatalog.EMPTY, PRICES),
        invoker,
        SETTINGS);
  }

  @Test
  void answersWithTheDefaultModelAndRecordsUsage() {
    ConverseResult result = service(answering("Hi there")).converse(command(principal));

    assertThat(invoked)
        .singleElement()
        .extracting(ModelRoute::primaryModel)
        .isEqualTo(DEFAULT_MODEL);
    assertThat(result.rateLimit()).contains(STATUS);
    assertThat(settled).containsExactly(new TokenUsage(3, 2));
    // 3 input tokens at $0.06/M and 2 output at $0.24/M
    assertThat(settledCosts).containsExactly(new Usd(660));
    assertThat(demands)
        .singleElement()
        .satisfies(
            demand -> {
              assertThat(demand.tokens()).isEqualTo(2 + 1_000);
              assertThat(demand.stream()).isFalse();
              assertThat(demand.cost()).isEqualTo(new Usd(2 * 60 + 1_000 * 240));
            });
    UsageEvent event = usage.getFirst();
    assertThat(event.cost()).contains(new Usd(660));
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.principal()).contains(principal);
    assertThat(event.servedModel()).contains(DEFAULT_MODEL);
    assertThat(event.usage()).isEqualTo(new TokenUsage(3, 2));
    assertThat(event.streamed()).isFalse();
    assertThat(metrics.requests)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.usage()).isEqualTo(event);
              assertThat(record.deniedBy()).isEmpty();
            });
    assertThat(result.upstreamTime()).isEqualTo(metrics.requests.getFirst().upstreamTime());
  }

  @Test
  void refusesAModelTheKeyMayNotUse() {
    Principal restricted =
        new Principal(
            principal.keyId(),
            principal.name(),
            principal.application(),
            principal.department(),
            principal.project(),
            principal.plan(),
            Set.of(new ModelId("amazon.nova-micro-v1:0")));
    ConverseService service =
        new ConverseService(
            new ModelCallFlow(
                new AlwaysAdmit(), ledger, metrics, CLOCK, ModelCatalog.EMPTY, PRICES),
            answering("x"),
            SETTINGS);

    assertThatThrownBy(() -> service.converse(command(restricted)))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining(DEFAULT_MODEL.value());
    assertThat(invoked).isEmpty();
  }

  @Test
  void aDeniedAdmissionIsRateLimitedAndNeverReachesTheModel() {
    decision =
        new AdmissionDecision.Denied(
            LimitKind.REQUESTS, Duration.ofSeconds(7), Optional.of(STATUS));

    assertThatThrownBy(() -> service(answering("x")).converse(command(principal)))
        .isInstanceOfSatisfying(
            RateLimited.class,
            failure -> {
              assertThat(failure.limit()).isEqualTo(LimitKind.REQUESTS);
              assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
              assertThat(failure.status()).contains(STATUS);
            });
    assertThat(invoked).isEmpty();
    assertThat(settled).isEmpty();
    assertThat(usage.getFirst().outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(metrics.requests)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.deniedBy()).contains(LimitKind.REQUESTS);
              assertThat(record.upstreamTime()).isZero();
              assertThat(record.usage()).isEqualTo(usage.getFirst());
            });
  }

  @Test
  void streamsEventsAfterTheAdmissionAndRecordsTheReportedUsage() {
    List<Object> seen = new ArrayList<>();
    ConverseStreamObserver observer = observer(seen);
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.TextDelta(0, "Hel"),
            new ChatStreamEvent.TextDelta(0, "lo"),
            new ChatStreamEvent.ContentBlockStop(0),
            new ChatStreamEvent.MessageStop(StopReason.END_TURN),
            new ChatStreamEvent.Metadata(new TokenUsage(4, 2), 12));

    StreamSummary summary =
        service(streaming(script, Optional.empty())).stream(command(principal), observer);

    assertThat(seen.getFirst()).isEqualTo(Optional.of(STATUS));
    assertThat(seen.subList(1, seen.size())).containsExactlyElementsOf(script);
    assertThat(summary.usage()).isEqualTo(new TokenUsage(4, 2));
    assertThat(settled).containsExactly(new TokenUsage(4, 2));
    UsageEvent event = usage.getFirst();
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.streamed()).isTrue();
    assertThat(event.timeToFirstToken()).isPresent();
  }

  @Test
  void aStreamThatFailsMidwaySettlesWhatItProduced() {
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.TextDelta(0, "12345678"));

    assertThatThrownBy(
            () ->
                service(streaming(script, Optional.of(new UpstreamFailed("broken")))).stream(
                    command(principal), observer(new ArrayList<>())))
        .isInstanceOf(UpstreamFailed.class);

    TokenUsage estimate = new TokenUsage(2, 2);
    assertThat(settled).containsExactly(estimate);
    assertThat(usage.getFirst().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(usage.getFirst().usage()).isEqualTo(estimate);
    assertThat(usage.getFirst().errorKind()).contains("upstream_failed");
  }

  @Test
  void aClientThatLeavesIsRecordedAsCancelled() {
    ConverseStreamObserver leaving =
        new ConverseStreamObserver() {
          @Override
          public void admitted(Optional<RateLimitStatus> rateLimit) {}

          @Override
          public void accept(ChatStreamEvent event) {
            throw new ClientCancelled(null);
          }
        };

    assertThatThrownBy(
            () ->
                service(
                    streaming(List.of(new ChatStreamEvent.TextDelta(0, "abcd")), Optional.empty()))
                    .stream(command(principal), leaving))
        .isInstanceOf(ClientCancelled.class);
    assertThat(usage.getFirst().outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(settled).hasSize(1);
  }

  @Test
  void aClientThatLeavesWhileTheMetadataIsWrittenIsBilledTheModelsCount() {
    // Japanese text: eight characters, which characters / 4 would make two tokens
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.TextDelta(0, "日本語の答えです"),
            new ChatStreamEvent.ContentBlockStop(0),
            new ChatStreamEvent.MessageStop(StopReason.END_TURN),
            new ChatStreamEvent.Metadata(new TokenUsage(9, 11, 100, 0), 12));

    assertThatThrownBy(
            () ->
                service(streaming(script, Optional.empty())).stream(
                    command(principal), leavingAt(ChatStreamEvent.Metadata.class)))
        .isInstanceOf(ClientCancelled.class);

    UsageEvent event = usage.getFirst();
    assertThat(event.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(event.usage()).isEqualTo(new TokenUsage(9, 11, 100, 0));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
    assertThat(settled).containsExactly(new TokenUsage(9, 11, 100, 0));
  }

  @Test
  void eventsThatArrivedTogetherAreMeteredBeforeTheyArePassedOnTogether() {
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.TextDelta(0, "日本語の答えです"),
            new ChatStreamEvent.MessageStop(StopReason.END_TURN),
            new ChatStreamEvent.Metadata(new TokenUsage(9, 11), 12));
    List<List<ChatStreamEvent>> passedOnTogether = new ArrayList<>();
    ConverseStreamObserver leavingAtTheBatch =
        new ConverseStreamObserver() {
          @Override
          public void admitted(Optional<RateLimitStatus> rateLimit) {}

          @Override
          public void accept(ChatStreamEvent event) {}

          @Override
          public void acceptEvents(List<ChatStreamEvent> events) {
            passedOnTogether.add(events);
            throw new ClientCancelled(null);
          }
        };

    assertThatThrownBy(
            () ->
                service(
                    streaming(
                        script,
                        Optional.empty(),
                        (events, sink) -> {
                          sink.accept(events.getFirst());
                          sink.acceptEvents(events.subList(1, events.size()));
                        }))
                    .stream(command(principal), leavingAtTheBatch))
        .isInstanceOf(ClientCancelled.class);

    assertThat(passedOnTogether).containsExactly(script.subList(1, script.size()));
    UsageEvent event = usage.getFirst();
    assertThat(event.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(event.usage()).isEqualTo(new TokenUsage(9, 11));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
  }

  @Test
  void aClientThatLeavesBeforeTheMetadataIsBilledAnEstimateThatCountsEveryJapaneseCharacter() {
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.ReasoningDelta(0, "考えます"),
            new ChatStreamEvent.TextDelta(1, "日本語の答えです"),
            new ChatStreamEvent.ContentBlockStop(1),
            new ChatStreamEvent.MessageStop(StopReason.END_TURN));

    assertThatThrownBy(
            () ->
                service(streaming(script, Optional.empty())).stream(
                    command(principal), leavingAt(ChatStreamEvent.ContentBlockStop.class)))
        .isInstanceOf(ClientCancelled.class);

    // "Hello": 2 tokens of prompt; 4 + 8 characters of reasoning and answer, a token each
    UsageEvent event = usage.getFirst();
    assertThat(event.usage()).isEqualTo(new TokenUsage(2, 12));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.ESTIMATE);
    assertThat(settled).containsExactly(new TokenUsage(2, 12));
  }

  @Test
  void anEstimateCountsRedactedReasoningAsAQuarterTokenAByteAndSignaturesAsNothing() {
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.ReasoningDelta(0, "考えます"),
            new ChatStreamEvent.ReasoningSignatureDelta(0, "c2lnbmF0dXJlIG9mIHRoZSByZWFzb25pbmc="),
            new ChatStreamEvent.ContentBlockStop(0),
            new ChatStreamEvent.RedactedReasoningDelta(1, new BinaryData(new byte[16])),
            new ChatStreamEvent.ContentBlockStop(1),
            new ChatStreamEvent.TextDelta(2, "日本語の答えです"),
            new ChatStreamEvent.ContentBlockStop(2),
            new ChatStreamEvent.MessageStop(StopReason.END_TURN));

    assertThatThrownBy(
            () ->
                service(streaming(script, Optional.empty())).stream(
                    command(principal), leavingAt(ChatStreamEvent.MessageStop.class)))
        .isInstanceOf(ClientCancelled.class);

    // 4 + 8 characters of reasoning and answer, a token each; 16 opaque bytes, 4 tokens
    UsageEvent event = usage.getFirst();
    assertThat(event.usage()).isEqualTo(new TokenUsage(2, 16));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.ESTIMATE);
  }

  @Test
  void whenTheClientLeftTheModelMayCountThePromptItself() {
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.TextDelta(0, "日本語の答えです"),
            new ChatStreamEvent.ContentBlockStop(0));
    List<ModelId> counted = new ArrayList<>();
    TokenCounter counter =
        (model, request) -> {
          counted.add(model);
          return OptionalLong.of(7);
        };
    ConverseService service =
        new ConverseService(
            new ModelCallFlow(
                new AlwaysAdmit(), ledger, metrics, CLOCK, ModelCatalog.EMPTY, PRICES),
            streaming(script, Optional.empty()),
            SETTINGS,
            counter);

    assertThatThrownBy(
            () ->
                service.stream(
                    command(principal), leavingAt(ChatStreamEvent.ContentBlockStop.class)))
        .isInstanceOf(ClientCancelled.class);

    assertThat(counted).containsExactly(DEFAULT_MODEL);
    assertThat(usage.getFirst().usage()).isEqualTo(new TokenUsage(7, 8));
    assertThat(usage.getFirst().tokensSource()).isEqualTo(TokensSource.COUNT_TOKENS);
  }

  @Test
  void aStreamTheModelCutIsEstimatedWithoutWaitingForACount() {
    List<ChatStreamEvent> script =
        List.of(
            new ChatStreamEvent.MessageStart(Role.ASSISTANT),
            new ChatStreamEvent.TextDelta(0, "abcd"));
    ConverseService service =
        new ConverseService(
            new ModelCallFlow(
                new AlwaysAdmit(), ledger, metrics, CLOCK, ModelCatalog.EMPTY, PRICES),
            streaming(script, Optional.of(new UpstreamFailed("broken"))),
            SETTINGS,
            (model, request) -> {
              throw new AssertionError("the client still waits for the error event");
            });

    assertThatThrownBy(() -> service.stream(command(principal), observer(new ArrayList<>())))
        .isInstanceOf(UpstreamFailed.class);

    assertThat(usage.getFirst().tokensSource()).isEqualTo(TokensSource.ESTIMATE);
  }

  @Test
  void aStreamTheModelNeverBeganUsedNothing() {
    assertThatThrownBy(
            () ->
                service(streaming(List.of(), Optional.of(new UpstreamFailed("refused")))).stream(
                    command(principal), observer(new ArrayList<>())))
        .isInstanceOf(UpstreamFailed.class);

    assertThat(usage.getFirst().usage()).isEqualTo(TokenUsage.NONE);
    assertThat(usage.getFirst().tokensSource()).isEqualTo(TokensSource.NONE);
  }

  @Test
  void aPromptWithACachePointIsReservedAtTheCacheWritePrice() {
    PriceTable cachePriced =
        new PriceTable(
            Map.of(
                "amazon.nova-lite-v1:0",
                new ModelPrice(
                    new BigDecimal("1"),
                    new BigDecimal("2"),
                    new BigDecimal("0.1"),
                    new BigDecimal("4"))));
    ConverseService service =
        new ConverseService(
            new ModelCallFlow(
                new RecordingAdmit(demands),
                ledger,
                metrics,
                CLOCK,
                ModelCatalog.EMPTY,
                cachePriced),
            answering("x"),
            SETTINGS);
    ChatRequest cached =
        new ChatRequest(
            Optional.empty(),
            List.of(ChatMessage.text(Role.USER, "Hello")),
            List.of(new TextBlock("12345678"), new CachePoint()),
            InferenceParameters.DEFAULTS);

    service.converse(
        new ConverseCommand(
            principal,
            cached,
            new RequestContext(
                RequestId.generate(), CLOCK.instant(), Optional.empty(), Optional.empty())));

    // 2 + 2 prompt tokens at the cache-write price ($4/M), 1,000 output at $2/M
    assertThat(demands.getFirst().tokens()).isEqualTo(4 + 1_000);
    assertThat(demands.getFirst().cost()).isEqualTo(new Usd(4 * 4_000 + 1_000 * 2_000));
  }

  @Test
  void aKeyWithABudgetMayNotCallAModelWithoutAPrice() {
    Principal budgeted =
        TestPrincipals.withPlan(Plan.unlimited("capped").withMonthlyBudget(Usd.of("10")));
    ConverseService service =
        new ConverseService(
            new ModelCallFlow(
                new AlwaysAdmit(), ledger, metrics, CLOCK, ModelCatalog.EMPTY, PRICES),
            answering("x"),
            SETTINGS);

    assertThatThrownBy(() -> service.converse(command(budgeted, UNPRICED)))
        .isInstanceOf(Forbidden.class)
        .hasMessageContaining(UNPRICED.value())
        .hasMessageContaining("MODEL_PRICES_FILE")
        .hasMessageContaining("UNPRICED_MODELS=allow");
    assertThat(invoked).isEmpty();
    assertThat(usage.getFirst().outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(service.converse(command(budgeted)).response().usage())
        .isEqualTo(new TokenUsage(3, 2));
  }

  @Test
  void anUnpricedModelIsServedWithTheCostUnknownWhenAllowedOrWithoutABudget() {
    Principal budgeted =
        TestPrincipals.withPlan(Plan.unlimited("capped").withMonthlyBudget(Usd.of("10")));
    ConverseService allowing =
        new ConverseService(
            new ModelCallFlow(
                new AlwaysAdmit(),
                ledger,
                metrics,
                CLOCK,
                ModelCatalog.EMPTY,
                PRICES,
                UnpricedModels.ALLOW),
            answering("x"),
            SETTINGS);
    ConverseService denying =
        new ConverseService(
            new ModelCallFlow(
                new AlwaysAdmit(), ledger, metrics, CLOCK, ModelCatalog.EMPTY, PRICES),
            answering("x"),
            SETTINGS);

    allowing.converse(command(budgeted, UNPRICED));
    denying.converse(command(principal, UNPRICED));

    assertThat(usage)
        .hasSize(2)
        .allSatisfy(
            event -> {
              assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
              assertThat(event.cost()).isEmpty();
            });
  }

  private ChatInvoker answering(String text) {
    return new ChatInvoker() {
      @Override
      public long countTokens(ModelRoute route, ChatRequest request) {
        throw new AssertionError("not a count");
      }

      @Override
      public ChatResponse converse(ModelRoute route, ChatRequest request) {
        invoked.add(route);
        return new ChatResponse(
            ChatMessage.text(Role.ASSISTANT, text),
            StopReason.END_TURN,
            new TokenUsage(3, 2),
            5,
            route.primaryModel());
      }

      @Override
      public StreamSummary converseStream(
          ModelRoute route, ChatRequest request, ChatStreamSink sink) {
        throw new AssertionError("not streamed");
      }
    };
  }

  private ChatInvoker streaming(List<ChatStreamEvent> script, Optional<GatewayException> failure) {
    return streaming(script, failure, (events, sink) -> events.forEach(sink::accept));
  }

  /** Gives the sink the script's events: one by one, or as the relay gives those that arrived. */
  @FunctionalInterface
  private interface Delivery {
    void deliver(List<ChatStreamEvent> events, ChatStreamSink sink);
  }

  private ChatInvoker streaming(
      List<ChatStreamEvent> script, Optional<GatewayException> failure, Delivery delivery) {
    return new ChatInvoker() {
      @Override
      public long countTokens(ModelRoute route, ChatRequest request) {
        throw new AssertionError("not a count");
      }

      @Override
      public ChatResponse converse(ModelRoute route, ChatRequest request) {
        throw new AssertionError("not a plain call");
      }

      @Override
      public StreamSummary converseStream(
          ModelRoute route, ChatRequest request, ChatStreamSink sink) {
        invoked.add(route);
        delivery.deliver(script, sink);
        failure.ifPresent(
            error -> {
              throw error;
            });
        TokenUsage reported =
            script.stream()
                .filter(ChatStreamEvent.Metadata.class::isInstance)
                .map(event -> ((ChatStreamEvent.Metadata) event).usage())
                .findFirst()
                .orElse(TokenUsage.NONE);
        return new StreamSummary(StopReason.END_TURN, reported, 12, route.primaryModel());
      }
    };
  }

  /** An observer whose client is gone by the time an event of {@code kind} is to be written. */
  private static ConverseStreamObserver leavingAt(Class<? extends ChatStreamEvent> kind) {
    return new ConverseStreamObserver() {
      @Override
      public void admitted(Optional<RateLimitStatus> rateLimit) {}

      @Override
      public void accept(ChatStreamEvent event) {
        if (kind.isInstance(event)) {
          throw new ClientCancelled(null);
        }
      }
    };
  }

  private static ConverseStreamObserver observer(List<Object> seen) {
    return new ConverseStreamObserver() {
      @Override
      public void admitted(Optional<RateLimitStatus> rateLimit) {
        seen.add(rateLimit);
      }

      @Override
      public void accept(ChatStreamEvent event) {
        seen.add(event);
      }
    };
  }

  private static ConverseCommand command(Principal caller) {
    return command(caller, Optional.empty());
  }

  private static ConverseCommand command(Principal caller, ModelId model) {
    return command(caller, Optional.of(model));
  }

  private static ConverseCommand command(Principal caller, Optional<ModelId> model) {
    ChatRequest request =
        new ChatRequest(
            model,
            List.of(ChatMessage.text(Role.USER, "Hello")),
            List.of(),
            InferenceParameters.DEFAULTS);
    RequestContext context =
        new RequestContext(
            RequestId.generate(), CLOCK.instant(), Optional.empty(), Optional.empty());
    return new ConverseCommand(caller, request, context);
  }

  private record RecordingAdmit(List<Demand> demands) implements QuotaCounter {
    @Override
    public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
      demands.add(demand);
      return new AdmissionDecision.Admitted(
          Reservation.admit(who, requestId, demand, CLOCK.instant()), Optional.empty());
    }

    @Override
    public void settle(Reservation reservation, Consumption actual) {}
  }

  private static final class AlwaysAdmit implements QuotaCounter {
    @Override
    public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
      return new AdmissionDecision.Admitted(
          Reservation.admit(who, requestId, demand, CLOCK.instant()), Optional.empty());
    }

    @Override
    public void settle(Reservation reservation, Consumption actual) {}
  }
}
