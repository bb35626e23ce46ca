package io.bedrockgateway.domain.plan;

import io.bedrockgateway.domain.cost.Usd;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A named set of limits a key is held to; an absent limit does not apply.
 *
 * @param requests requests per sliding window
 * @param tokensPerMinute input plus output tokens in any sliding minute
 * @param tokensPerDay input plus output tokens per UTC calendar day
 * @param monthlyBudget spend per UTC calendar month
 * @param concurrentStreams streams open at once
 */
public record Plan(
    String name,
    Optional<RequestRate> requests,
    OptionalLong tokensPerMinute,
    OptionalLong tokensPerDay,
    Optional<Usd> monthlyBudget,
    OptionalInt concurrentStreams) {

  public Plan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(monthlyBudget, "monthlyBudget");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a plan needs a name");
    }
    requirePositive("tokensPerMinute", tokensPerMinute);
    requirePositive("tokensPerDay", tokensPerDay);
    concurrentStreams.ifPresent(
        value -> {
          if (value < 1) {
            throw new IllegalArgumentException("concurrentStreams must be at least 1");
          }
        });
  }

  /** A plan that limits nothing. */
  public static Plan unlimited(String name) {
    return new Plan(
        name,
        Optional.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        OptionalInt.empty());
  }

  public Plan withRequests(RequestRate rate) {
    return new Plan(
        name, Optional.of(rate), tokensPerMinute, tokensPerDay, monthlyBudget, concurrentStreams);
  }

  public Plan withTokensPerMinute(long tokens) {
    return new Plan(
        name, requests, OptionalLong.of(tokens), tokensPerDay, monthlyBudget, concurrentStreams);
  }

  public Plan withTokensPerDay(long tokens) {
    return new Plan(
        name, requests, tokensPerMinute, OptionalLong.of(tokens), monthlyBudget, concurrentStreams);
  }

  public Plan withMonthlyBudget(Usd budget) {
    return new Plan(
        name, requests, tokensPerMinute, tokensPerDay, Optional.of(budget), concurrentStreams);
  }

  public Plan withConcurrentStreams(int streams) {
    return new Plan(
        name, requests, tokensPerMinute, tokensPerDay, monthlyBudget, OptionalInt.of(streams));
  }

  private static void requirePositive(String field, OptionalLong value) {
    Objects.requireNonNull(value, field);
    value.ifPresent(
        limit -> {
          if (limit < 1) {
            throw new IllegalArgumentException(field + " must be at least 1");
          }
        });
  }
}
