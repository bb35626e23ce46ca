package io.bedrockgateway.application.service;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.image.ImageQuality;
import io.bedrockgateway.domain.image.ImageRequest;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.TokensSource;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageEventId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

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
  private TokensSource tokensSource = TokensSource.NONE;
  private int images;
  private Optional<ImageSize> imageSize = Optional.empty();
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

  /** The model that served, and the usage it reported. */
  void served(ModelId model, TokenUsage actual) {
    servedBy(model);
    reported(actual);
  }

  /** The usage the model reported. */
  void reported(TokenUsage actual) {
    usage = actual;
    tokensSource = TokensSource.UPSTREAM;
  }

  /** The gateway's estimate of the usage, for want of the model's count. */
  void estimated(TokenUsage estimate) {
    usage = estimate;
    tokensSource = TokensSource.ESTIMATE;
  }

  /** A usage whose input the model counted apart (CountTokens), its output estimated. */
  void counted(TokenUsage usageWithCountedInput) {
    usage = usageWithCountedInput;
    tokensSource = TokensSource.COUNT_TOKENS;
  }

  /** The model that serves the request, as far as it is known. */
  Optional<ModelId> model() {
    return servedModel.or(() -> pricedModel);
  }

  void generated(ModelId model, ImageRequest order, int count) {
    servedBy(model);
    imageSize = Optional.of(new ImageSize(order.width(), order.height(), order.quality()));
    images = count;
  }

  /** Images the model read to embed them, priced per image whatever their size. */
  void embeddedImages(int count) {
    imageSize = Optional.of(ImageSize.ANY);
    images = count;
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

  /**
   * Nothing used costs nothing, whatever the model; else the price of the model that served, for
   * its tokens and its images. The cost is unknown if either part that was used has no price.
   */
  private Optional<Usd> cost() {
    if (usage.totalTokens() == 0 && images == 0) {
      return Optional.of(Usd.ZERO);
    }
    Optional<ModelId> model = servedModel.or(() -> pricedModel);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Optional<Usd> tokens =
        usage.totalTokens() == 0 ? Optional.of(Usd.ZERO) : prices.cost(model.get(), usage);
    Optional<Usd> pictures =
        images == 0
            ? Optional.of(Usd.ZERO)
            : imageSize.flatMap(
                size ->
                    prices.imageCost(
                        model.get(), size.width(), size.height(), size.quality(), images));
    return tokens.flatMap(tokenCost -> pictures.map(tokenCost::plus));
  }

  /** What the price of an image depends on. */
  private record ImageSize(int width, int height, ImageQuality quality) {
    /** For images priced the same whatever their size, such as images read to embed them. */
    static final ImageSize ANY = new ImageSize(1, 1, ImageQuality.STANDARD);
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
        operation.streamed(),
        usage.totalTokens() == 0 ? TokensSource.NONE : tokensSource);
  }

  private Duration elapsed() {
    return Duration.between(context.receivedAt(), clock.instant());
  }
}
