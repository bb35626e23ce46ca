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
    Duration maxLatency) {

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
        || unpricedRequests > requests) {
      throw new IllegalArgumentException("usage totals must be consistent counts");
    }
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
        event.latency());
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
        maxLatency.compareTo(other.maxLatency) >= 0 ? maxLatency : other.maxLatency);
  }

  public Duration averageLatency() {
    return requests == 0 ? Duration.ZERO : totalLatency.dividedBy(requests);
  }
}
