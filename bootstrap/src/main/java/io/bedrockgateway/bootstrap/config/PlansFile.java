package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.domain.plan.Plan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The named plans: the {@code plans} section of the {@code GATEWAY_CONFIG} file:
 *
 * <pre>
 * plans:
 *   team:
 *     requests: 600
 *     window_seconds: 60
 *     tokens_per_minute: 200000
 *     tokens_per_day: 5000000
 *     budget_usd_per_month: 250
 *     concurrent_streams: 20
 * </pre>
 *
 * Every limit is optional; {@code window_seconds} defaults to 60.
 */
final class PlansFile {
  private static final String SECTION = "plans";
  private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final TypeReference<Map<String, PlanEntry>> PLANS = new TypeReference<>() {};

  record PlanEntry(
      Long requests,
      @JsonProperty("window_seconds") Long windowSeconds,
      @JsonProperty("tokens_per_minute") Long tokensPerMinute,
      @JsonProperty("tokens_per_day") Long tokensPerDay,
      @JsonProperty("budget_usd_per_month") BigDecimal budgetUsdPerMonth,
      @JsonProperty("concurrent_streams") Integer concurrentStreams) {

    PlanSpec spec() {
      return new PlanSpec(
          optional(requests),
          windowSeconds == null ? DEFAULT_WINDOW : Duration.ofSeconds(windowSeconds),
          optional(tokensPerMinute),
          optional(tokensPerDay),
          Optional.ofNullable(budgetUsdPerMonth),
          concurrentStreams == null ? OptionalInt.empty() : OptionalInt.of(concurrentStreams));
    }

    private static OptionalLong optional(Long value) {
      return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
  }

  private PlansFile() {}

  /**
   * The plans of the file's {@code plans} section by name; none may be called {@code reservedName}.
   */
  static Map<String, Plan> read(Optional<JsonNode> file, String fileName, String reservedName) {
    Optional<JsonNode> section = file.map(root -> root.get(SECTION));
    if (section.isEmpty()) {
      return Map.of();
    }
    if (!section.get().isObject()) {
      throw problem(fileName, "must map plan names to their limits");
    }
    Map<String, PlanEntry> entries;
    try {
      entries = MAPPER.convertValue(section.get(), PLANS);
    } catch (IllegalArgumentException malformed) {
      Throwable cause = malformed.getCause() == null ? malformed : malformed.getCause();
      String message =
          cause instanceof JacksonException jackson
              ? jackson.getOriginalMessage()
              : cause.getMessage();
      throw problem(fileName, message.lines().findFirst().orElse("malformed"));
    }
    Map<String, Plan> plans = new LinkedHashMap<>();
    entries.forEach(
        (name, entry) -> {
          if (name.equals(reservedName)) {
            throw problem(
                fileName,
                "plan '"
                    + name
                    + "' is the default plan, set by RATE_LIMIT_*, BUDGET_USD_PER_MONTH and"
                    + " MAX_CONCURRENT_STREAMS");
          }
          if (entry == null) {
            throw problem(fileName, "plan '" + name + "' has no limits; write {} for none");
          }
          try {
            plans.put(name, entry.spec().toPlan(name));
          } catch (IllegalArgumentException invalid) {
            throw problem(fileName, "plan '" + name + "': " + invalid.getMessage());
          }
        });
    return plans;
  }

  private static ConfigException problem(String fileName, String problem) {
    return new ConfigException(
        ConfigFile.VARIABLE, "(" + fileName + ") section '" + SECTION + "': " + problem);
  }
}
