package io.bedrockgateway.adapter.http.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.IssuedKey;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanOverrides;
import io.bedrockgateway.domain.plan.RequestRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The admin API's bodies, snake_case; requests are validated when mapped to commands. */
public final class AdminJson {
  private AdminJson() {}

  /** Per-key limits; each present one replaces the plan's. */
  public record LimitsJson(
      Long requests,
      @JsonProperty("window_seconds") Long windowSeconds,
      @JsonProperty("tokens_per_minute") Long tokensPerMinute,
      @JsonProperty("tokens_per_day") Long tokensPerDay,
      @JsonProperty("monthly_budget_usd") BigDecimal monthlyBudgetUsd,
      @JsonProperty("concurrent_streams") Integer concurrentStreams) {

    static LimitsJson of(PlanOverrides overrides) {
      return of(
          overrides.requests(),
          overrides.tokensPerMinute(),
          overrides.tokensPerDay(),
          overrides.monthlyBudget(),
          overrides.concurrentStreams());
    }

    /** Every limit the key is held to: its plan's, with its own in their place. */
    static LimitsJson of(Plan plan) {
      return of(
          plan.requests(),
          plan.tokensPerMinute(),
          plan.tokensPerDay(),
          plan.monthlyBudget(),
          plan.concurrentStreams());
    }

    private static LimitsJson of(
        Optional<RequestRate> requests,
        OptionalLong tokensPerMinute,
        OptionalLong tokensPerDay,
        Optional<Usd> monthlyBudget,
        OptionalInt concurrentStreams) {
      return new LimitsJson(
          requests.map(RequestRate::limit).orElse(null),
          requests.map(rate -> rate.window().toSeconds()).orElse(null),
          tokensPerMinute.isPresent() ? tokensPerMinute.getAsLong() : null,
          tokensPerDay.isPresent() ? tokensPerDay.getAsLong() : null,
          monthlyBudget.map(Usd::dollars).orElse(null),
          concurrentStreams.isPresent() ? concurrentStreams.getAsInt() : null);
    }
  }

  /** {@code POST /admin/v1/keys}. */
  public record CreateKeyJson(
      String name,
      String application,
      String department,
      String project,
      String plan,
      LimitsJson limits,
      @JsonProperty("allowed_models") List<String> allowedModels,
      @JsonProperty("expires_at") String expiresAt) {}

  /**
   * {@code PATCH /admin/v1/keys/{id}}: absent fields stay; {@code null} or {@code ""} clears an
   * optional label, {@code null} clears the expiry.
   */
  public record UpdateKeyJson(
      String name,
      JsonNode application,
      JsonNode department,
      JsonNode project,
      String plan,
      LimitsJson limits,
      @JsonProperty("allowed_models") List<String> allowedModels,
      @JsonProperty("expires_at") JsonNode expiresAt) {}

  /** {@code POST /admin/v1/keys/{id}/rotate}; the body is optional. */
  public record RotateKeyJson(@JsonProperty("grace_seconds") Long graceSeconds) {}

  public record RotationJson(
      @JsonProperty("key_id") String keyId, @JsonProperty("grace_until") String graceUntil) {}

  /** A stored key as the admin API shows it: never the key, nor its hash. */
  public record KeyJson(
      String id,
      String name,
      String application,
      String department,
      String project,
      String plan,
      LimitsJson limits,
      @JsonProperty("effective_limits") LimitsJson effectiveLimits,
      @JsonProperty("allowed_models") List<String> allowedModels,
      String status,
      @JsonProperty("created_at") String createdAt,
      @JsonProperty("expires_at") String expiresAt,
      @JsonProperty("revoked_at") String revokedAt,
      @JsonProperty("rotated_from") RotationJson rotatedFrom) {

    public static KeyJson of(ApiKeyRecord key, Instant now) {
      Principal principal = key.principal();
      return new KeyJson(
          key.keyId().value(),
          principal.name(),
          principal.application().orElse(null),
          principal.department().orElse(null),
          principal.project().orElse(null),
          principal.plan().name(),
          key.overrides().isEmpty() ? null : LimitsJson.of(key.overrides()),
          LimitsJson.of(principal.plan()),
          principal.allowedModels().stream().map(model -> model.value()).sorted().toList(),
          status(key, now),
          key.createdAt().map(Instant::toString).orElse(null),
          key.expiresAt().map(Instant::toString).orElse(null),
          key.revokedAt().map(Instant::toString).orElse(null),
          key.rotatedFrom()
              .map(
                  from ->
                      new RotationJson(from.predecessor().value(), from.graceUntil().toString()))
              .orElse(null));
    }

    private static String status(ApiKeyRecord key, Instant now) {
      if (key.isUsableAt(now)) {
        return "active";
      }
      return key.revokedAt().filter(revoked -> !revoked.isAfter(now)).isPresent()
          ? "revoked"
          : "expired";
    }
  }

  /** A key just made: the plain key, shown this once. */
  public record IssuedKeyJson(String key, String notice, @JsonProperty("api_key") KeyJson apiKey) {
    static IssuedKeyJson of(IssuedKey issued, Instant now) {
      return new IssuedKeyJson(
          issued.plainKey().value(),
          "Store this key now: it is shown only once and the gateway keeps only its hash.",
          KeyJson.of(issued.record(), now));
    }
  }

  public record KeyListJson(List<KeyJson> keys) {}
}
