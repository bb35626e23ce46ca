package io.bedrockgateway.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.cost.Usd;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlanOverridesTest {
  private static final Plan TEAM =
      Plan.unlimited("team")
          .withRequests(new RequestRate(100, Duration.ofMinutes(1)))
          .withTokensPerDay(1_000_000);

  @Test
  void replacesOnlyTheLimitsItNamesAndKeepsThePlanName() {
    PlanOverrides overrides =
        new PlanOverrides(
            Optional.of(new RequestRate(5, Duration.ofSeconds(10))),
            OptionalLong.empty(),
            OptionalLong.empty(),
            Optional.of(Usd.of("25")),
            OptionalInt.of(2));

    Plan plan = overrides.applyTo(TEAM);

    assertThat(plan.name()).isEqualTo("team");
    assertThat(plan.requests()).contains(new RequestRate(5, Duration.ofSeconds(10)));
    assertThat(plan.tokensPerDay()).hasValue(1_000_000);
    assertThat(plan.monthlyBudget()).contains(Usd.of("25"));
    assertThat(plan.concurrentStreams()).hasValue(2);
  }

  @Test
  void noOverridesLeaveThePlanAsItIs() {
    assertThat(PlanOverrides.NONE.applyTo(TEAM)).isEqualTo(TEAM);
    assertThat(PlanOverrides.NONE.isEmpty()).isTrue();
  }

  @Test
  void anOverrideMustBeAValidLimit() {
    assertThatThrownBy(
            () ->
                new PlanOverrides(
                    Optional.empty(),
                    OptionalLong.of(0),
                    OptionalLong.empty(),
                    Optional.empty(),
                    OptionalInt.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokensPerMinute");
  }
}
