package io.bedrockgateway.domain.quota;

import io.bedrockgateway.domain.cost.Usd;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a counter last knew a key to have used, as the limits of the key's plan count it: the
 * requests in the window (the oldest admitted at {@code oldestRequestAt}), the tokens in the
 * sliding minute, the tokens of the UTC day and the spend of the UTC month, held reservations
 * included. A count the plan has no limit for is zero.
 *
 * @param at when the counter knew it, by the counter's own clock
 */
public record QuotaStanding(
    Instant at,
    long requests,
    Optional<Instant> oldestRequestAt,
    long minuteTokens,
    long dayTokens,
    Usd monthSpend) {
  public QuotaStanding {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(oldestRequestAt, "oldestRequestAt");
    Objects.requireNonNull(monthSpend, "monthSpend");
    if (requests < 0 || minuteTokens < 0 || dayTokens < 0 || monthSpend.nanos() < 0) {
      throw new IllegalArgumentException("a count must not be negative");
    }
  }
}
