package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Collects, while one request runs, what its usage record will say. Not thread-safe. */
final class UsageTrace {
  private static final String INTERNAL_ERROR = "internal_error";

  private final RequestContext context;
  private final Operation operation;
  private final Clock clock;
  private final Pricing prices;
  private Optional<Principal> principal = Optional.empty();
  private Optional<ModelId> requestedModel = Optional.empty();
  private Optional<ModelId> servedModel = Optional.empty();
  private Optional<Duration> timeToFirstToken = Optional.empty();
  private TokenUsage usage = TokenUsage.NONE;

  UsageTrace(RequestContext context, Operation operation, Clock clock, Pricing prices) {
    this.context = context;
    this.operation = operation;
    this.clock = clock;
    this.prices = prices;
  }

  void principal(Principal value) {
    principal = Optional.of(value);
  }

  void requestedModel(ModelId value) {
    requestedModel = Optional.of(value);
  }

  void served(ModelId model, TokenUsage actual) {
    servedModel = Optional.of(model);
    usage = actual;
  }

  void usage(TokenUsage actual) {
    usage = actual;
  }

  void firstTokenNow() {
    if (timeToFirstToken.isEmpty()) {
      timeToFirstToken = Optional.of(elapsed());
    }
  }

  /** What to settle: the usage so far, at the price of the model that served it. */
  Consumption consumption() {
    return new Consumption(usage, cost().orElse(Usd.ZERO));
  }

  UsageEvent succeeded() {
    return event(Outcome.SUCCEEDED, Optional.empty());
  }

  UsageEvent failed(RuntimeException failure) {
    return failure instanceof GatewayException known
        ? event(Outcome.of(known), Optional.of(known.kind()))
        : event(Outcome.FAILED, Optional.of(INTERNAL_ERROR));
  }

  /** Nothing used costs nothing, whatever the model; else the price of the model that served. */
  private Optional<Usd> cost() {
    if (usage.totalTokens() == 0) {
      return Optional.of(Usd.ZERO);
    }
    return servedModel.or(() -> requestedModel).flatMap(model -> prices.cost(model, usage));
  }

  private UsageEvent event(Outcome outcome, Optional<String> errorKind) {
    return new UsageEvent(
        context,
        principal,
        operation,
        requestedModel,
        servedModel,
        outcome,
        errorKind,
        usage,
        0,
        cost(),
        elapsed(),
        timeToFirstToken,
        operation == Operation.CONVERSE_STREAM);
  }

  private Duration elapsed() {
    return Duration.between(context.receivedAt(), clock.instant());
  }
}
