package io.bedrockgateway.domain.usage;

import io.bedrockgateway.domain.cost.Usd;
import java.time.Duration;
import java.util.Objects;

/**
 * What a set of requests used.
 *
 * @param errors requests that did not succeed: rejected, failed or cancelled
 * @param unpricedRequests requests whose cost is unknown (a model without a price), so {@code cost}
 *     is a lower bound when this is not zero
 * @param cacheReadInputTokens prompt tokens read from the prompt cache (not in {@code inputTokens})
 * @param cacheWriteInputTokens prompt tokens written to the prompt cache (not in {@code
 *     inputTokens})
 */
public record UsageTotals(
    long requests,
    long errors,
    long inputTokens,
    long outputTokens,
    long images,
    Usd cost,
    long unpricedRequests,
    Duration totalLatency,
    Duration maxLatency,
    long cacheReadInputTokens,
    long cacheWriteInputTokens) {

  public static final UsageTotals NONE =
      new UsageTotals(0, 0, 0, 0, 0, Usd.ZERO, 0, Duration.ZERO, Duration.ZERO);

  public UsageTotals {
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(totalLatency, "totalLatency");
    Objects.requireNonNull(maxLatency, "maxLatency");
    if (requests < 0
        || errors < 0
        || errors > requests
        || inputTokens < 0
        || outputTokens < 0
        || images < 0
        || unpricedRequests < 0
        || unpricedRequests > requests
        || cacheReadInputTokens < 0
        || cacheWriteInputTokens < 0) {
      throw new IllegalArgumentException("usage totals must be consistent counts");
    }
  }

  /** Totals without prompt-cache tokens. */
  public UsageTotals(
      long requests,
      long errors,
      long inputTokens,
      long outputTokens,
      long images,
      Usd cost,
      long unpricedRequests,
      Duration totalLatency,
      Duration maxLatency) {
    this(
        requests,
        errors,
        inputTokens,
        outputTokens,
        images,
        cost,
        unpricedRequests,
        totalLatency,
        maxLatency,
        0,
        0);
  }

  public static UsageTotals of(UsageEvent event) {
    return new UsageTotals(
        1,
        event.outcome() == Outcome.SUCCEEDED ? 0 : 1,
        event.usage().inputTokens(),
        event.usage().outputTokens(),
        event.images(),
        event.cost().orElse(Usd.ZERO),
        event.cost().isPresent() ? 0 : 1,
        event.latency(),
        event.latency(),
        event.usage().cacheReadInputTokens(),
        event.usage().cacheWriteInputTokens());
  }

  public UsageTotals plus(UsageTotals other) {
    return new UsageTotals(
        requests + other.requests,
        errors + other.errors,
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        images + other.images,
        cost.plus(other.cost),
        unpricedRequests + other.unpricedRequests,
        totalLatency.plus(other.totalLatency),
        maxLatency.compareTo(other.maxLatency) >= 0 ? maxLatency : other.maxLatency,
        cacheReadInputTokens + other.cacheReadInputTokens,
        cacheWriteInputTokens + other.cacheWriteInputTokens);
  }

  public Duration averageLatency() {
    return requests == 0 ? Duration.ZERO : totalLatency.dividedBy(requests);
  }
}
