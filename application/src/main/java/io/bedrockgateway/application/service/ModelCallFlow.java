package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.ModelRequestRecord;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The steps every model operation shares, in order: the key, the model (its catalogue entry, the
 * key's allow-list), one admission against the key's limits, the call, the settlement of what it
 * used, and one usage record, whatever the outcome, which the metrics see too.
 */
public final class ModelCallFlow {
  private final QuotaCounter quotaCounter;
  private final UsageLedger usageLedger;
  private final GatewayMetrics metrics;
  private final Clock clock;
  private final ModelCatalog catalog;
  private final PriceTable prices;
  private final Pricing pricing;
  private final UnpricedModels unpricedModels;

  /**
   * @param unpricedModels whether a key with a USD budget may call a model without a price
   */
  public ModelCallFlow(
      QuotaCounter quotaCounter,
      UsageLedger usageLedger,
      GatewayMetrics metrics,
      Clock clock,
      ModelCatalog catalog,
      PriceTable prices,
      UnpricedModels unpricedModels) {
    this.quotaCounter = Objects.requireNonNull(quotaCounter, "quotaCounter");
    this.usageLedger = Objects.requireNonNull(usageLedger, "usageLedger");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.unpricedModels = Objects.requireNonNull(unpricedModels, "unpricedModels");
    this.pricing = new Pricing(prices);
  }

  /** A flow that refuses unpriced models to keys with a USD budget, the default. */
  public ModelCallFlow(
      QuotaCounter quotaCounter,
      UsageLedger usageLedger,
      GatewayMetrics metrics,
      Clock clock,
      ModelCatalog catalog,
      PriceTable prices) {
    this(quotaCounter, usageLedger, metrics, clock, catalog, prices, UnpricedModels.DENY);
  }

  /** The most a call may use, reserved at admission, given the model that will be asked first. */
  @FunctionalInterface
  interface DemandEstimate {
    Demand of(ModelId primaryModel, PriceTable prices);

    /**
     * Reserves the tokens of {@code ceiling} and their cost at the price of the model asked first
     * (nothing, if it has no price).
     */
    static DemandEstimate tokens(TokenUsage ceiling, boolean stream) {
      return (model, prices) ->
          new Demand(ceiling.totalTokens(), prices.cost(model, ceiling).orElse(Usd.ZERO), stream);
    }
  }

  /**
   * One model call to run through the flow.
   *
   * @param model the model as the caller named it, or the default for the operation
   * @param reads what the request holds besides text, which the model must be able to read
   */
  record Call(
      Operation operation,
      Principal caller,
      RequestContext context,
      ModelId model,
      ModelOperation capability,
      Set<InputModality> reads,
      DemandEstimate demand) {}

  /** An admitted call: who asked, where it goes, and what was reserved. */
  record Admission(Principal principal, ModelRoute route, AdmissionDecision.Admitted decision) {
    Optional<RateLimitStatus> rateLimit() {
      return decision.status();
    }
  }

  /** What runs once the call is admitted; it records what it used in the trace. */
  @FunctionalInterface
  interface Step<R> {
    R run(Admission admission, UsageTrace trace);
  }

  <R> R run(Call call, Step<R> step) {
    UsageTrace trace = new UsageTrace(call.context(), call.operation(), clock, pricing);
    try {
      Admission admission = admit(call, trace);
      try {
        R result = step.run(admission, trace);
        finished(trace, trace.succeeded(), Optional.empty());
        return result;
      } finally {
        quotaCounter.settle(admission.decision().reservation(), trace.consumption());
      }
    } catch (RuntimeException failure) {
      finished(trace, trace.failed(failure), deniedBy(failure));
      throw failure;
    }
  }

  private void finished(UsageTrace trace, UsageEvent event, Optional<LimitKind> deniedBy) {
    usageLedger.append(event);
    metrics.modelRequest(new ModelRequestRecord(event, trace.upstreamTime(), deniedBy));
  }

  private static Optional<LimitKind> deniedBy(RuntimeException failure) {
    return failure instanceof RateLimited limited ? Optional.of(limited.limit()) : Optional.empty();
  }

  private Admission admit(Call call, UsageTrace trace) {
    Principal principal = call.caller();
    trace.principal(principal);
    ModelId model = call.model();
    Optional<CatalogEntry> entry = catalog.find(model);
    ModelRoute route = catalog.route(model);
    trace.requestedModel(model, route.primaryModel());
    if (!mayUse(principal, model, entry)) {
      throw new Forbidden("this API key may not use model " + model);
    }
    entry.ifPresent(configured -> requireAbleTo(configured, call));
    requirePriced(principal, route, call);
    Demand demand = call.demand().of(route.primaryModel(), prices);
    return switch (quotaCounter.admit(principal, call.context().requestId(), demand)) {
      case AdmissionDecision.Admitted admitted -> new Admission(principal, route, admitted);
      case AdmissionDecision.Denied denied ->
          throw new RateLimited(denied.limit(), denied.retryAfter(), denied.status());
    };
  }

  /**
   * A key whose spending is capped may only call models whose cost can be counted: every model the
   * route may serve from must be priced for the operation, unless the operator allows unpriced
   * models.
   */
  private void requirePriced(Principal principal, ModelRoute route, Call call) {
    if (unpricedModels == UnpricedModels.ALLOW || principal.plan().monthlyBudget().isEmpty()) {
      return;
    }
    route.targets().stream()
        .map(ModelTarget::model)
        .filter(model -> !priced(model, call))
        .findFirst()
        .ifPresent(
            model -> {
              boolean tokensPriced = prices.priceOf(model).isPresent();
              boolean imagesMissing = call.capability() == ModelOperation.IMAGE || tokensPriced;
              throw new Forbidden(
                  "model "
                      + model
                      + " has no "
                      + (imagesMissing ? "image" : "token")
                      + " price, and this API key has a USD budget that could not count its cost;"
                      + " the operator can price it in the file named by "
                      + (imagesMissing ? "IMAGE_PRICES_FILE" : "MODEL_PRICES_FILE")
                      + ", or set UNPRICED_MODELS=allow to serve it with the cost unknown");
            });
  }

  /** Tokens for chat and embeddings, images for image generation, and both to embed an image. */
  private boolean priced(ModelId model, Call call) {
    boolean tokens = prices.priceOf(model).isPresent();
    boolean images = prices.imagePriceOf(model).isPresent();
    return switch (call.capability()) {
      case CHAT -> tokens;
      case EMBED -> tokens && (!call.reads().contains(InputModality.IMAGE) || images);
      case IMAGE -> images;
    };
  }

  /** A key allowed a model may use it by any of its names. */
  static boolean mayUse(Principal principal, ModelId model, Optional<CatalogEntry> entry) {
    return principal.mayUse(model)
        || entry.map(configured -> principal.mayUse(configured.id())).orElse(false);
  }

  private static void requireAbleTo(CatalogEntry entry, Call call) {
    if (!entry.supports(call.capability())) {
      throw new InvalidRequest(
          "model_id: "
              + call.model()
              + " does not support "
              + call.capability().wireName()
              + "; GET /models lists what each model does");
    }
    call.reads().stream()
        .filter(modality -> !entry.reads(modality))
        .findFirst()
        .ifPresent(
            modality -> {
              throw new InvalidRequest(
                  "model_id: " + call.model() + " does not read " + modality.wireName() + " input");
            });
  }
}
