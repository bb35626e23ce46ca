package io.bedrockgateway.domain.plan;

import io.bedrockgateway.domain.cost.Usd;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Limits one key has instead of its plan's; an absent value keeps the plan's. */
public record PlanOverrides(
    Optional<RequestRate> requests,
    OptionalLong tokensPerMinute,
    OptionalLong tokensPerDay,
    Optional<Usd> monthlyBudget,
    OptionalInt concurrentStreams) {

  public static final PlanOverrides NONE =
      new PlanOverrides(
          Optional.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          Optional.empty(),
          OptionalInt.empty());

  public PlanOverrides {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(tokensPerMinute, "tokensPerMinute");
    Objects.requireNonNull(tokensPerDay, "tokensPerDay");
    Objects.requireNonNull(monthlyBudget, "monthlyBudget");
    Objects.requireNonNull(concurrentStreams, "concurrentStreams");
    // the plan's own guards apply: an override must be a valid limit
    Plan probe = Plan.unlimited("overrides");
    requests.ifPresent(probe::withRequests);
    tokensPerMinute.ifPresent(probe::withTokensPerMinute);
    tokensPerDay.ifPresent(probe::withTokensPerDay);
    concurrentStreams.ifPresent(probe::withConcurrentStreams);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  /** {@code plan} with these limits in place of its own; the name stays the plan's. */
  public Plan applyTo(Plan plan) {
    Plan result = plan;
    if (requests.isPresent()) {
      result = result.withRequests(requests.get());
    }
    if (tokensPerMinute.isPresent()) {
      result = result.withTokensPerMinute(tokensPerMinute.getAsLong());
    }
    if (tokensPerDay.isPresent()) {
      result = result.withTokensPerDay(tokensPerDay.getAsLong());
    }
    if (monthlyBudget.isPresent()) {
      result = result.withMonthlyBudget(monthlyBudget.get());
    }
    if (concurrentStreams.isPresent()) {
      result = result.withConcurrentStreams(concurrentStreams.getAsInt());
    }
    return result;
  }
}
