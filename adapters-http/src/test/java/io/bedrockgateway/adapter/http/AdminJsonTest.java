package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.http.admin.AdminJson.KeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.LimitsJson;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanOverrides;
import io.bedrockgateway.domain.plan.RequestRate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminJsonTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void aKeyShowsItsOwnLimitsApartAndEveryLimitItIsHeldTo() {
    PlanOverrides own =
        new PlanOverrides(
            Optional.empty(),
            OptionalLong.empty(),
            OptionalLong.of(50_000),
            Optional.of(Usd.of("12.5")),
            OptionalInt.empty());
    Plan team =
        Plan.unlimited("team")
            .withRequests(new RequestRate(100, Duration.ofMinutes(1)))
            .withTokensPerMinute(10_000)
            .withMonthlyBudget(Usd.of("100"));
    Principal owner =
        new Principal(
            FakeManageKeysUseCase.KNOWN,
            "Known key",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            own.applyTo(team),
            Set.of());
    ApiKeyRecord key = FakeManageKeysUseCase.RECORD.withPrincipal(owner, own);

    KeyJson json = KeyJson.of(key, NOW);

    assertThat(json.plan()).isEqualTo("team");
    assertThat(json.limits())
        .isEqualTo(new LimitsJson(null, null, null, 50_000L, new BigDecimal("12.5"), null));
    assertThat(json.effectiveLimits())
        .isEqualTo(new LimitsJson(100L, 60L, 10_000L, 50_000L, new BigDecimal("12.5"), null));
  }

  @Test
  void anUnlimitedKeyHasNoEffectiveLimits() {
    KeyJson json = KeyJson.of(FakeManageKeysUseCase.RECORD, NOW);

    assertThat(json.limits()).isNull();
    assertThat(json.effectiveLimits())
        .isEqualTo(new LimitsJson(null, null, null, null, null, null));
  }
}
