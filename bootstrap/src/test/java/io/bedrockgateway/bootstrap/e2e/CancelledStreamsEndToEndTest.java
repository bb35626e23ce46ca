package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.bedrock.BedrockModelInvoker;
import io.bedrockgateway.adapter.memory.InMemoryQuotaCounter;
import io.bedrockgateway.adapter.memory.InMemoryUsageLedger;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.service.ConverseService;
import io.bedrockgateway.application.service.ConverseSettings;
import io.bedrockgateway.application.service.ModelCallFlow;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.TokensSource;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.emulator.BedrockOperation;
import io.bedrockgateway.emulator.EmulatedUsage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams whose client leaves, through the real chat service, the real Bedrock adapter and SDK, and
 * the emulator streaming Japanese, one character a token: once the model's usage arrived it is
 * billed, even if the client left while it was being written; before that, the estimate counts
 * every Japanese character as a token, where characters / 4 would bill a quarter of the answer.
 */
class CancelledStreamsEndToEndTest {
  private static final ModelId NOVA_LITE = new ModelId("amazon.nova-lite-v1:0");
  private static final ModelId CLAUDE_HAIKU =
      new ModelId("us.anthropic.claude-haiku-4-5-20251001-v1:0");
  private static final String PROMPT = "[emulator:language=ja] [emulator:tokens=40] 日本語で答えて";
  private static final int ANSWER_TOKENS = 40;

  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger(100);
  private BedrockModelInvoker invoker;
  private ModelCallFlow flow;
  private ConverseService service;

  @BeforeEach
  void wire() {
    GatewayConfig config = TestGateways.config(TestGateways.emulator(), Map.of());
    invoker = BedrockModelInvoker.create(config.bedrock(), new NoUpstreamObserver());
    Clock clock = Clock.systemUTC();
    flow =
        new ModelCallFlow(
            new InMemoryQuotaCounter(clock),
            ledger,
            new NoMetrics(),
            clock,
            config.catalog(),
            config.prices());
    service = new ConverseService(flow, invoker, new ConverseSettings(NOVA_LITE, 1_000));
  }

  @AfterEach
  void close() {
    invoker.close();
  }

  @Test
  void aClientThatLeavesWhileTheMetadataIsWrittenIsBilledTheModelsOwnCount() {
    assertThatThrownBy(() -> service.stream(command(), leavingAt(ChatStreamEvent.Metadata.class)))
        .isInstanceOf(ClientCancelled.class);

    UsageEvent event = ledger.events().getLast();
    assertThat(event.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
    assertThat(event.usage())
        .isEqualTo(new TokenUsage(EmulatedUsage.inputTokens(List.of(PROMPT)), ANSWER_TOKENS));
    assertThat(event.cost()).isPresent();
  }

  @Test
  void aClientThatLeavesAsTheModelStopsIsStillBilledTheModelsOwnCount() {
    assertThatThrownBy(
            () -> service.stream(command(), leavingAt(ChatStreamEvent.MessageStop.class)))
        .isInstanceOf(ClientCancelled.class);

    UsageEvent event = ledger.events().getLast();
    assertThat(event.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
    assertThat(event.usage().outputTokens()).isEqualTo(ANSWER_TOKENS);
  }

  @Test
  void aClientThatLeavesMidAnswerIsBilledAnEstimateCountingEveryJapaneseCharacter() {
    assertThatThrownBy(
            () -> service.stream(command(), leavingAt(ChatStreamEvent.ContentBlockStop.class)))
        .isInstanceOf(ClientCancelled.class);

    UsageEvent event = ledger.events().getLast();
    assertThat(event.outcome()).isEqualTo(Outcome.CANCELLED);
    assertThat(event.tokensSource()).isEqualTo(TokensSource.ESTIMATE);
    assertThat(event.usage().outputTokens()).isEqualTo(ANSWER_TOKENS);
    assertThat(event.usage().inputTokens()).isPositive();
  }

  @Test
  void aClaudeStreamWhoseClientLeftMidAnswerHasItsPromptCountedByBedrock() {
    ConverseService counting =
        new ConverseService(flow, invoker, new ConverseSettings(NOVA_LITE, 1_000), invoker);

    assertThatThrownBy(
            () ->
                counting.stream(
                    command(CLAUDE_HAIKU), leavingAt(ChatStreamEvent.ContentBlockStop.class)))
        .isInstanceOf(ClientCancelled.class);

    UsageEvent event = ledger.events().getLast();
    assertThat(event.tokensSource()).isEqualTo(TokensSource.COUNT_TOKENS);
    assertThat(event.usage())
        .isEqualTo(new TokenUsage(EmulatedUsage.inputTokens(List.of(PROMPT)), ANSWER_TOKENS));
    assertThat(TestGateways.emulator().recordedRequests())
        .anySatisfy(
            request -> {
              assertThat(request.operation()).isEqualTo(BedrockOperation.COUNT_TOKENS);
              assertThat(request.modelId()).isEqualTo(CLAUDE_HAIKU.baseModelId());
            });
  }

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

  private static ConverseCommand command() {
    return command(NOVA_LITE);
  }

  private static ConverseCommand command(ModelId model) {
    Principal caller =
        new Principal(
            new KeyId("cancelledstreams"),
            "cancelled-streams",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Plan.unlimited("test"),
            Set.of());
    ChatRequest request =
        new ChatRequest(
            Optional.of(model),
            List.of(ChatMessage.text(Role.USER, PROMPT)),
            List.of(),
            InferenceParameters.DEFAULTS);
    RequestContext context =
        new RequestContext(
            RequestId.generate(), Clock.systemUTC().instant(), Optional.empty(), Optional.empty());
    return new ConverseCommand(caller, request, context);
  }
}
