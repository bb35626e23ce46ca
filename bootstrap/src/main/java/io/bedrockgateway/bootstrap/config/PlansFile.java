package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bedrockgateway.domain.plan.Plan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The named plans of the {@code GATEWAY_CONFIG} file, YAML or JSON (JSON is YAML too):
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
  static final String VARIABLE = "GATEWAY_CONFIG";
  private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  record Contents(@JsonProperty(required = true) Map<String, PlanEntry> plans) {}

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

  /** The plans of {@code file} by name; none may be called {@code reservedName}. */
  static Map<String, Plan> read(Path file, String reservedName) {
    Contents contents;
    try {
      contents = YAML.readValue(Files.readAllBytes(file), Contents.class);
    } catch (JacksonException malformed) {
      throw problem(file, malformed.getOriginalMessage().lines().findFirst().orElse("malformed"));
    } catch (IOException unreadable) {
      throw problem(file, "cannot be read: " + unreadable.getMessage());
    }
    if (contents == null || contents.plans() == null) {
      throw problem(file, "needs a 'plans' map");
    }
    Map<String, Plan> plans = new LinkedHashMap<>();
    contents
        .plans()
        .forEach(
            (name, entry) -> {
              if (name.equals(reservedName)) {
                throw problem(
                    file,
                    "plan '"
                        + name
                        + "' is the default plan, set by RATE_LIMIT_*, BUDGET_USD_PER_MONTH and"
                        + " MAX_CONCURRENT_STREAMS");
              }
              if (entry == null) {
                throw problem(file, "plan '" + name + "' has no limits; write {} for none");
              }
              try {
                plans.put(name, entry.spec().toPlan(name));
              } catch (IllegalArgumentException invalid) {
                throw problem(file, "plan '" + name + "': " + invalid.getMessage());
              }
            });
    return plans;
  }

  private static ConfigException problem(Path file, String problem) {
    return new ConfigException(VARIABLE, "(" + file + "): " + problem);
  }
}
