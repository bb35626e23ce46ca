package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.image.ImageRequest;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageEventId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Collects, while one request runs, what its usage record will say. Not thread-safe. */
final class UsageTrace {
  private static final String INTERNAL_ERROR = "internal_error";

  // assigned once, before the event can reach the ledger: a replay of it is the same event
  private final UsageEventId id = UsageEventId.generate();
  private final RequestContext context;
  private final Operation operation;
  private final Clock clock;
  private final Pricing prices;
  private Optional<Principal> principal = Optional.empty();
  private Optional<ModelId> requestedModel = Optional.empty();
  private Optional<ModelId> pricedModel = Optional.empty();
  private Optional<ModelId> servedModel = Optional.empty();
  private Optional<Duration> timeToFirstToken = Optional.empty();
  private TokenUsage usage = TokenUsage.NONE;
  private int images;
  private Optional<ImageRequest> imageOrder = Optional.empty();
  private Duration upstreamTime = Duration.ZERO;

  UsageTrace(RequestContext context, Operation operation, Clock clock, Pricing prices) {
    this.context = context;
    this.operation = operation;
    this.clock = clock;
    this.prices = prices;
  }

  void principal(Principal value) {
    principal = Optional.of(value);
  }

  /**
   * @param requested the model as the caller named it (perhaps an alias)
   * @param pricedAs the model the request is priced by until another one serves it
   */
  void requestedModel(ModelId requested, ModelId pricedAs) {
    requestedModel = Optional.of(requested);
    pricedModel = Optional.of(pricedAs);
  }

  void servedBy(ModelId model) {
    servedModel = Optional.of(model);
  }

  void served(ModelId model, TokenUsage actual) {
    servedBy(model);
    usage = actual;
  }

  void generated(ModelId model, ImageRequest order, int count) {
    servedBy(model);
    imageOrder = Optional.of(order);
    images = count;
  }

  void usage(TokenUsage actual) {
    usage = actual;
  }

  void firstTokenNow() {
    if (timeToFirstToken.isEmpty()) {
      timeToFirstToken = Optional.of(elapsed());
    }
  }

  /** Runs a call to the model, adding the time it takes to the time spent upstream. */
  <T> T upstream(Supplier<T> call) {
    Instant start = clock.instant();
    try {
      return call.get();
    } finally {
      upstreamTime = upstreamTime.plus(Duration.between(start, clock.instant()));
    }
  }

  /** The time spent waiting on the model so far; the rest of the latency is the gateway's. */
  Duration upstreamTime() {
    return upstreamTime;
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
    if (usage.totalTokens() == 0 && images == 0) {
      return Optional.of(Usd.ZERO);
    }
    Optional<ModelId> model = servedModel.or(() -> pricedModel);
    Optional<Usd> tokens = model.flatMap(priced -> prices.cost(priced, usage));
    Optional<Usd> pictures =
        imageOrder.flatMap(
            order ->
                model.flatMap(
                    priced ->
                        prices.imageCost(
                            priced, order.width(), order.height(), order.quality(), images)));
    return Stream.of(tokens, pictures).flatMap(Optional::stream).reduce(Usd::plus);
  }

  private UsageEvent event(Outcome outcome, Optional<String> errorKind) {
    return new UsageEvent(
        id,
        context,
        principal,
        operation,
        requestedModel,
        servedModel,
        outcome,
        errorKind,
        usage,
        images,
        cost(),
        elapsed(),
        timeToFirstToken,
        operation == Operation.CONVERSE_STREAM);
  }

  private Duration elapsed() {
    return Duration.between(context.receivedAt(), clock.instant());
  }
}
