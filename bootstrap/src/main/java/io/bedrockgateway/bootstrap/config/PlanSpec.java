package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The limits of a plan as configured, before the plan's own rules check them. */
record PlanSpec(
    OptionalLong requests,
    Duration window,
    OptionalLong tokensPerMinute,
    OptionalLong tokensPerDay,
    Optional<BigDecimal> budgetUsdPerMonth,
    OptionalInt concurrentStreams) {

  /** The most a monthly budget may be: the Redis counter adds nano-dollars exactly up to ~$9M. */
  static final BigDecimal MAX_BUDGET_USD = BigDecimal.valueOf(1_000_000);

  /** Throws IllegalArgumentException, in the plan's words, for a limit it does not accept. */
  Plan toPlan(String name) {
    Plan plan = Plan.unlimited(name);
    if (requests.isPresent()) {
      plan = plan.withRequests(new RequestRate(requests.getAsLong(), window));
    }
    if (tokensPerMinute.isPresent()) {
      plan = plan.withTokensPerMinute(tokensPerMinute.getAsLong());
    }
    if (tokensPerDay.isPresent()) {
      plan = plan.withTokensPerDay(tokensPerDay.getAsLong());
    }
    if (budgetUsdPerMonth.isPresent()) {
      plan = plan.withMonthlyBudget(budget(budgetUsdPerMonth.get()));
    }
    if (concurrentStreams.isPresent()) {
      plan = plan.withConcurrentStreams(concurrentStreams.getAsInt());
    }
    return plan;
  }

  private static Usd budget(BigDecimal dollars) {
    if (dollars.signum() <= 0 || dollars.compareTo(MAX_BUDGET_USD) > 0) {
      throw new IllegalArgumentException(
          "a monthly budget must be more than 0 and at most " + MAX_BUDGET_USD + " USD");
    }
    return Usd.of(dollars);
  }
}
