package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.application.port.in.InvokeResult;
import io.bedrockgateway.application.port.in.InvokeStreamObserver;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.FakeRawInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenEstimate;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.TokensSource;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvokeServiceTest {
  private static final ModelId CLAUDE = new ModelId("anthropic.claude-3-haiku-20240307-v1:0");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
  private static final ConverseSettings SETTINGS = new ConverseSettings(CLAUDE, 1_000);
  private static final PriceTable PRICES =
      new PriceTable(
          Map.of(
              CLAUDE.value(),
              new ModelPrice(
                  new BigDecimal("1"),
                  new BigDecimal("5"),
                  new BigDecimal("0.1"),
                  new BigDecimal("1.25"))));
  private static final RateLimitStatus STATUS =
      new RateLimitStatus(10, 9, Instant.parse("2026-12-02T12:01:00Z"));
  private static final InvocationBody BODY =
      body(
          "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":300,\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about rivers\"}]}");

  private static final long CONVERSATION_TOKENS = 7;

  /** Counts every conversation as {@value #CONVERSATION_TOKENS} tokens; chats with nobody. */
  private static final ChatInvoker COUNTING_CHAT =
      new ChatInvoker() {
        @Override
        public ChatResponse converse(ModelRoute route, ChatRequest request) {
          throw new AssertionError("not a chat");
        }

        @Override
        public StreamSummary converseStream(
            ModelRoute route, ChatRequest request, ChatStreamSink sink) {
          throw new AssertionError("not a chat");
        }

        @Override
        public long countTokens(ModelRoute route, ChatRequest request) {
          return CONVERSATION_TOKENS;
        }
      };

  private final Principal principal = TestPrincipals.unlimited();
  private final RecordingLedger ledger = new RecordingLedger();
  private final List<UsageEvent> usage = ledger.events;
  private final List<Demand> demands = new ArrayList<>();
  private final List<Consumption> settled = new ArrayList<>();
  private Optional<AdmissionDecision.Denied> denial = Optional.empty();

  private ModelCallFlow flow() {
    QuotaCounter quota =
        new QuotaCounter() {
          @Override
          public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
            demands.add(demand);
            return denial.isPresent()
                ? denial.get()
                : new AdmissionDecision.Admitted(
                    Reservation.admit(who, requestId, demand, CLOCK.instant()),
                    Optional.of(STATUS));
          }

          @Override
          public void settle(Reservation reservation, Consumption actual) {
            settled.add(actual);
          }
        };
    return new ModelCallFlow(
        quota, ledger, new RecordingMetrics(), CLOCK, ModelCatalog.EMPTY, PRICES);
  }

  private InvokeService service(FakeRawInvoker raw) {
    return new InvokeService(flow(), raw, SETTINGS);
  }

  @Test
  void reservesThePromptAndMaxTokensAndRecordsWhatTheModelReported() {
    FakeRawInvoker raw = new FakeRawInvoker(List.of("a ", "b ", "c "), 2);

    InvokeResult result = service(raw).invoke(command(BODY, OptionalInt.of(300)));

    assertThat(new String(result.response().body(), StandardCharsets.UTF_8)).contains("a b c ");
    assertThat(result.rateLimit()).contains(STATUS);
    long prompt = BODY.estimatedPromptTokens();
    assertThat(demands)
        .singleElement()
        .satisfies(
            demand -> {
              assertThat(demand.tokens()).isEqualTo(prompt + 300);
              assertThat(demand.stream()).isFalse();
            });
    TokenUsage reported = new TokenUsage(prompt - 2, 3, 2, 0);
    UsageEvent event = usage.getFirst();
    assertThat(event.operation()).isEqualTo(Operation.INVOKE);
    assertThat(event.streamed()).isFalse();
    assertThat(event.usage()).isEqualTo(reported);
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
    assertThat(event.servedModel()).contains(CLAUDE);
    assertThat(event.cost()).contains(PRICES.cost(CLAUDE, reported).orElseThrow());
    assertThat(settled).singleElement().extracting(Consumption::usage).isEqualTo(reported);
  }

  @Test
  void aBodyWithoutMaxTokensReservesTheConfiguredOutput() {
    service(new FakeRawInvoker()).invoke(command(BODY, OptionalInt.empty()));

    assertThat(demands.getFirst().tokens()).isEqualTo(BODY.estimatedPromptTokens() + 1_000);
  }

  @Test
  void aPromptMarkedForTheCacheIsReservedAsWrittenToIt() {
    InvocationBody cached =
        body(
            "{\"system\":[{\"type\":\"text\",\"text\":\"Be brief\",\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[]}");

    service(new FakeRawInvoker()).invoke(command(cached, OptionalInt.of(10)));

    long prompt = cached.estimatedPromptTokens();
    assertThat(demands.getFirst().cost())
        .isEqualTo(PRICES.cost(CLAUDE, new TokenUsage(0, 10, 0, prompt)).orElseThrow());
  }

  @Test
  void streamsTheChunksUnchangedAfterTheAdmissionAndRecordsTheFinalUsage() {
    List<Object> seen = new ArrayList<>();

    service(new FakeRawInvoker()).stream(
        command(BODY, OptionalInt.of(300)), observer(seen, Optional.empty()));

    assertThat(seen.getFirst()).isEqualTo(Optional.of(STATUS));
    assertThat(seen.get(1)).isEqualTo(CLAUDE);
    assertThat(seen.subList(2, seen.size()))
        .hasSize(7)
        .first()
        .satisfies(chunk -> assertThat(text((InvocationChunk) chunk)).contains("message_start"));
    assertThat(demands.getFirst().stream()).isTrue();
    UsageEvent event = usage.getFirst();
    assertThat(event.operation()).isEqualTo(Operation.INVOKE_STREAM);
    assertThat(event.streamed()).isTrue();
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(event.usage()).isEqualTo(new TokenUsage(BODY.estimatedPromptTokens(), 4));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
    assertThat(event.timeToFirstToken()).isPresent();
  }

  @Test
  void aStreamCutBeforeTheFinalUsageKeepsThePromptsCountAndEstimatesTheOutputDelivered() {
    FakeRawInvoker raw =
        new FakeRawInvoker(List.of("alpha ", "beta ", "gamma "), 0)
            .failingAfter(3, new UpstreamFailed("the model stream failed"));

    assertThatThrownBy(
            () ->
                service(raw).stream(
                    command(BODY, OptionalInt.of(300)),
                    observer(new ArrayList<>(), Optional.empty())))
        .isInstanceOf(UpstreamFailed.class);

    UsageEvent event = usage.getFirst();
    assertThat(event.outcome()).isNotEqualTo(Outcome.SUCCEEDED);
    assertThat(event.usage())
        .isEqualTo(new TokenUsage(BODY.estimatedPromptTokens(), TokenEstimate.of("alpha beta ")));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.ESTIMATE);
    assertThat(settled.getFirst().usage()).isEqualTo(event.usage());
  }

  @Test
  void aClientThatLeavesAfterTheFinalUsageWasReadIsBilledTheModelsCount() {
    assertThatThrownBy(
            () ->
                service(new FakeRawInvoker()).stream(
                    command(BODY, OptionalInt.of(300)),
                    observer(new ArrayList<>(), Optional.of("message_delta"))))
        .isInstanceOf(ClientCancelled.class);

    UsageEvent event = usage.getFirst();
    assertThat(event.usage()).isEqualTo(new TokenUsage(BODY.estimatedPromptTokens(), 4));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
  }

  @Test
  void chunksThatArrivedTogetherAreMeteredBeforeTheyArePassedOnTogether() {
    List<Integer> passedOnTogether = new ArrayList<>();
    InvokeStreamObserver leavingAtTheBatch =
        new InvokeStreamObserver() {
          @Override
          public void admitted(Optional<RateLimitStatus> rateLimit) {}

          @Override
          public void accept(InvocationChunk chunk) {}

          @Override
          public void acceptChunks(List<InvocationChunk> chunks) {
            passedOnTogether.add(chunks.size());
            throw new ClientCancelled(new InterruptedException("client gone"));
          }
        };

    assertThatThrownBy(
            () ->
                service(new FakeRawInvoker().arrivingTogether()).stream(
                    command(BODY, OptionalInt.of(300)), leavingAtTheBatch))
        .isInstanceOf(ClientCancelled.class);

    // message_start alone; then the four words, message_delta (the final usage) and message_stop
    assertThat(passedOnTogether).containsExactly(6);
    UsageEvent event = usage.getFirst();
    assertThat(event.usage()).isEqualTo(new TokenUsage(BODY.estimatedPromptTokens(), 4));
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
  }

  @Test
  void refusesAModelTheKeyMayNotUseBeforeCallingIt() {
    Principal restricted =
        new Principal(
            principal.keyId(),
            principal.name(),
            principal.application(),
            principal.department(),
            principal.project(),
            principal.plan(),
            Set.of(new ModelId("amazon.nova-micro-v1:0")));
    FakeRawInvoker raw = new FakeRawInvoker();

    assertThatThrownBy(
            () ->
                service(raw)
                    .invoke(
                        new InvokeCommand(
                            restricted, CLAUDE, BODY, OptionalInt.empty(), context())))
        .isInstanceOf(Forbidden.class);
    assertThat(raw.routes).isEmpty();
    assertThat(usage.getFirst().outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void aKeyOverItsLimitIsRefusedBeforeTheModelIsCalled() {
    denial =
        Optional.of(
            new AdmissionDecision.Denied(
                LimitKind.TOKENS_PER_MINUTE, Duration.ofSeconds(7), Optional.of(STATUS)));
    FakeRawInvoker raw = new FakeRawInvoker();

    assertThatThrownBy(
            () ->
                service(raw).stream(
                    command(BODY, OptionalInt.of(5)),
                    observer(new ArrayList<>(), Optional.empty())))
        .isInstanceOf(RateLimited.class);
    assertThat(raw.routes).isEmpty();
  }

  @Test
  void countsTokensAsOneRequestThatUsesNone() {
    FakeRawInvoker raw = new FakeRawInvoker();

    long counted =
        new CountTokensService(flow(), raw, COUNTING_CHAT)
            .countTokens(new CountTokensCommand(principal, CLAUDE, BODY, context()));

    assertThat(counted).isEqualTo(BODY.estimatedPromptTokens());
    assertThat(demands).singleElement().isEqualTo(new Demand(0, Usd.ZERO, false));
    UsageEvent event = usage.getFirst();
    assertThat(event.operation()).isEqualTo(Operation.COUNT_TOKENS);
    assertThat(event.usage()).isEqualTo(TokenUsage.NONE);
    assertThat(event.outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void countsAConversationWithTheChatModel() {
    ChatRequest conversation =
        new ChatRequest(
            Optional.of(CLAUDE),
            List.of(ChatMessage.text(Role.USER, "Count me")),
            List.of(),
            InferenceParameters.DEFAULTS);

    long counted =
        new CountTokensService(flow(), new FakeRawInvoker(), COUNTING_CHAT)
            .countTokens(
                new CountTokensCommand(
                    principal,
                    CLAUDE,
                    new CountTokensCommand.Conversation(conversation),
                    context()));

    assertThat(counted).isEqualTo(CONVERSATION_TOKENS);
    assertThat(usage.getFirst().operation()).isEqualTo(Operation.COUNT_TOKENS);
  }

  @Test
  void theCommandBoundsMaxTokens() {
    assertThatThrownBy(() -> command(BODY, OptionalInt.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> command(BODY, OptionalInt.of(InvokeCommand.MAX_TOKENS_LIMIT + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Records what it is given; throws ClientCancelled on a chunk of type {@code leaveAt}. */
  private static InvokeStreamObserver observer(List<Object> seen, Optional<String> leaveAt) {
    return new InvokeStreamObserver() {
      @Override
      public void admitted(Optional<RateLimitStatus> rateLimit) {
        seen.add(rateLimit);
      }

      @Override
      public void serving(ModelId model) {
        seen.add(model);
      }

      @Override
      public void accept(InvocationChunk chunk) {
        if (leaveAt.isPresent() && text(chunk).contains("\"" + leaveAt.get() + "\"")) {
          throw new ClientCancelled(new InterruptedException("client gone"));
        }
        seen.add(chunk);
      }
    };
  }

  private InvokeCommand command(InvocationBody body, OptionalInt maxTokens) {
    return new InvokeCommand(principal, CLAUDE, body, maxTokens, context());
  }

  private static RequestContext context() {
    return new RequestContext(
        RequestId.generate(), CLOCK.instant(), Optional.empty(), Optional.empty());
  }

  private static String text(InvocationChunk chunk) {
    return new String(chunk.bytes(), StandardCharsets.UTF_8);
  }

  private static InvocationBody body(String json) {
    return InvocationBody.of(json.getBytes(StandardCharsets.UTF_8));
  }
}
