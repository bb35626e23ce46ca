package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageEventId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Usage events for ledger tests. */
public final class TestUsageEvents {
  public static final Instant NOON = Instant.parse("2026-11-24T12:00:00Z");
  public static final ModelId LITE = new ModelId("amazon.nova-lite-v1:0");
  public static final ModelId PRO = new ModelId("us.amazon.nova-pro-v1:0");

  private TestUsageEvents() {}

  /** A successful chat on Nova Lite at noon for request {@code id}. */
  public static UsageEvent event(RequestId id, long outputTokens) {
    return event(
        id,
        TestPrincipals.unlimited(),
        NOON,
        LITE,
        Outcome.SUCCEEDED,
        new TokenUsage(5, outputTokens),
        120,
        "127.0.0.1");
  }

  public static UsageEvent event(
      Principal principal,
      Instant at,
      ModelId model,
      Outcome outcome,
      TokenUsage usage,
      long latencyMillis,
      String clientIp) {
    return event(
        RequestId.generate(), principal, at, model, outcome, usage, latencyMillis, clientIp);
  }

  private static UsageEvent event(
      RequestId id,
      Principal principal,
      Instant at,
      ModelId model,
      Outcome outcome,
      TokenUsage usage,
      long latencyMillis,
      String clientIp) {
    // Nova Lite: $0.06 per million input tokens, $0.24 per million output; the others unpriced
    Optional<Usd> cost =
        model.equals(LITE)
            ? Optional.of(new Usd(usage.inputTokens() * 60 + usage.outputTokens() * 240))
            : Optional.empty();
    return new UsageEvent(
        UsageEventId.generate(),
        new RequestContext(id, at, Optional.of(clientIp), Optional.of("contract-test/1.0")),
        Optional.of(principal),
        Operation.CONVERSE_STREAM,
        Optional.of(model),
        outcome == Outcome.REJECTED ? Optional.empty() : Optional.of(model),
        outcome,
        outcome == Outcome.SUCCEEDED ? Optional.empty() : Optional.of("some_error"),
        usage,
        0,
        cost,
        Duration.ofMillis(latencyMillis),
        outcome == Outcome.SUCCEEDED ? Optional.of(Duration.ofMillis(40)) : Optional.empty(),
        true);
  }

  /** A request without a key, refused before it named a model. */
  public static UsageEvent anonymousRejection(Instant at) {
    return new UsageEvent(
        UsageEventId.generate(),
        new RequestContext(RequestId.generate(), at, Optional.empty(), Optional.empty()),
        Optional.empty(),
        Operation.CONVERSE,
        Optional.empty(),
        Optional.empty(),
        Outcome.REJECTED,
        Optional.of("missing_api_key"),
        TokenUsage.NONE,
        0,
        Optional.of(Usd.ZERO),
        Duration.ofMillis(1),
        Optional.empty(),
        false);
  }
}
