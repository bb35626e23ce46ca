package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.bedrockgateway.adapter.bedrock.BedrockModelInvoker;
import io.bedrockgateway.adapter.bedrock.BedrockModule;
import io.bedrockgateway.adapter.memory.InMemoryQuotaCounter;
import io.bedrockgateway.adapter.memory.InMemoryUsageLedger;
import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.application.port.in.InvokeStreamObserver;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.application.service.ConverseSettings;
import io.bedrockgateway.application.service.CountTokensService;
import io.bedrockgateway.application.service.InvokeService;
import io.bedrockgateway.application.service.ModelCallFlow;
import io.bedrockgateway.bootstrap.config.GatewayConfig;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.TokensSource;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.emulator.EmulatedUsage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claude bodies through the invoke use case, the Bedrock adapter's Guice module and the real SDK to
 * the emulator: the cache tokens the model reports are recorded and billed, the stream holds a
 * concurrent-stream lease, and counting tokens is one request that uses none.
 */
class InvokeEndToEndTest {
  private static final ModelId CLAUDE = new ModelId("us.anthropic.claude-haiku-4-5-20251001-v1:0");

  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger(100);
  private final Principal caller =
      new Principal(
          new KeyId(UUID.randomUUID().toString().replace("-", "")),
          "invoke",
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Plan.unlimited("one-stream").withConcurrentStreams(1),
          Set.of());
  private BedrockModelInvoker bedrock;
  private InvokeService invoke;
  private CountTokensService countTokens;

  @BeforeEach
  void wire() {
    GatewayConfig config = TestGateways.config(TestGateways.emulator(), Map.of());
    Injector injector =
        Guice.createInjector(
            new BedrockModule(config.bedrock()),
            binder -> binder.bind(UpstreamObserver.class).toInstance(new NoUpstreamObserver()));
    bedrock = injector.getInstance(BedrockModelInvoker.class);
    RawInvoker raw = injector.getInstance(RawInvoker.class);
    Clock clock = Clock.systemUTC();
    ModelCallFlow flow =
        new ModelCallFlow(
            new InMemoryQuotaCounter(clock),
            ledger,
            new NoMetrics(),
            clock,
            config.catalog(),
            config.prices());
    invoke = new InvokeService(flow, raw, new ConverseSettings(CLAUDE, 1_000));
    countTokens = new CountTokensService(flow, raw, injector.getInstance(ChatInvoker.class));
  }

  @AfterEach
  void close() {
    bedrock.close();
  }

  @Test
  void theCacheTokensTheModelReportsAreRecordedAndBilled() {
    String system = "You answer questions about the sea, briefly. " + UUID.randomUUID();
    InvocationBody body = claude("Is the sea deep? [emulator:tokens=3]", system);
    long systemTokens = EmulatedUsage.inputTokens(List.of(system));

    invoke.invoke(command(body));
    invoke.stream(command(body), observer(new ArrayList<>()));

    UsageEvent written = ledger.events().get(0);
    UsageEvent read = ledger.events().get(1);
    assertThat(written.operation()).isEqualTo(Operation.INVOKE);
    assertThat(written.usage().cacheWriteInputTokens()).isEqualTo(systemTokens);
    assertThat(read.operation()).isEqualTo(Operation.INVOKE_STREAM);
    assertThat(read.streamed()).isTrue();
    assertThat(read.usage())
        .isEqualTo(new TokenUsage(written.usage().inputTokens(), 3, systemTokens, 0));
    assertThat(read.tokensSource()).isEqualTo(TokensSource.UPSTREAM);
    assertThat(read.cost()).isPresent();
    assertThat(read.cost().get()).isLessThan(written.cost().orElseThrow());
  }

  @Test
  void aStreamHoldsItsKeysConcurrentStreamLease() {
    List<Object> nested = new ArrayList<>();
    InvocationBody body = claude("Hold the line [emulator:tokens=2]", "Be brief.");

    invoke.stream(
        command(body),
        observer(
            chunk -> {
              if (nested.isEmpty()) {
                try {
                  invoke.stream(command(body), observer(new ArrayList<>()));
                  nested.add("admitted");
                } catch (RateLimited refused) {
                  nested.add(refused.limit());
                }
              }
            }));

    assertThat(nested).containsExactly(LimitKind.CONCURRENCY);
    invoke.stream(command(body), observer(new ArrayList<>()));
  }

  @Test
  void countingTokensIsOneRequestThatUsesNone() {
    InvocationBody body = claude("Count me", "Be brief.");

    long counted = countTokens.countTokens(new CountTokensCommand(caller, CLAUDE, body, context()));

    assertThat(counted).isEqualTo(EmulatedUsage.inputTokens(List.of("Be brief.", "Count me")));
    assertThat(
            countTokens.countTokens(
                new CountTokensCommand(
                    caller,
                    CLAUDE,
                    new CountTokensCommand.Conversation(
                        new ChatRequest(
                            Optional.of(CLAUDE),
                            List.of(ChatMessage.text(Role.USER, "Count me")),
                            List.of(new TextBlock("Be brief.")),
                            InferenceParameters.DEFAULTS)),
                    context())))
        .isEqualTo(counted);
    UsageEvent event = ledger.events().getLast();
    assertThat(event.operation()).isEqualTo(Operation.COUNT_TOKENS);
    assertThat(event.usage()).isEqualTo(TokenUsage.NONE);
    assertThatThrownBy(
            () ->
                countTokens.countTokens(
                    new CountTokensCommand(
                        caller,
                        CLAUDE,
                        InvocationBody.of("{\"max_tokens\":1}".getBytes(StandardCharsets.UTF_8)),
                        context())))
        .hasMessageContaining("required key [anthropic_version] not found");
  }

  private InvokeCommand command(InvocationBody body) {
    return new InvokeCommand(caller, CLAUDE, body, OptionalInt.of(200), context());
  }

  private static InvokeStreamObserver observer(List<InvocationChunk> chunks) {
    return observer(chunks::add);
  }

  private static InvokeStreamObserver observer(Consumer<InvocationChunk> each) {
    return new InvokeStreamObserver() {
      @Override
      public void admitted(Optional<RateLimitStatus> rateLimit) {}

      @Override
      public void accept(InvocationChunk chunk) {
        each.accept(chunk);
      }
    };
  }

  private static RequestContext context() {
    return new RequestContext(
        RequestId.generate(), Clock.systemUTC().instant(), Optional.empty(), Optional.empty());
  }

  private static InvocationBody claude(String prompt, String system) {
    return InvocationBody.of(
        ("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":200,"
                + "\"system\":[{\"type\":\"text\",\"text\":\""
                + system
                + "\",\"cache_control\":{\"type\":\"ephemeral\"}}],"
                + "\"messages\":[{\"role\":\"user\",\"content\":\""
                + prompt
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8));
  }
}
