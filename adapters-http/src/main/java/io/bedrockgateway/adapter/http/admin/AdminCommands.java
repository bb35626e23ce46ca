package io.bedrockgateway.adapter.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.admin.AdminJson.CreateKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.LimitsJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.RotateKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.UpdateKeyJson;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.application.port.in.CreateKeyCommand;
import io.bedrockgateway.application.port.in.KeyOwner;
import io.bedrockgateway.application.port.in.RotateKeyCommand;
import io.bedrockgateway.application.port.in.UpdateKeyCommand;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.NotFound;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.PlanOverrides;
import io.bedrockgateway.domain.plan.RequestRate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/** Turns admin request bodies into the key use case's commands; problems name their field. */
public final class AdminCommands {
  private AdminCommands() {}

  public static CreateKeyCommand create(CreateKeyJson body) {
    if (body.name() == null) {
      throw new InvalidRequest("name: is required");
    }
    KeyOwner owner =
        FieldPath.at(
            "",
            () ->
                new KeyOwner(
                    body.name(),
                    label(body.application()),
                    label(body.department()),
                    label(body.project())));
    return new CreateKeyCommand(
        owner,
        Optional.ofNullable(body.plan()),
        overrides(body.limits()),
        models(body.allowedModels()),
        Optional.ofNullable(body.expiresAt()).map(AdminCommands::instant));
  }

  public static UpdateKeyCommand update(KeyId id, UpdateKeyJson body) {
    return new UpdateKeyCommand(
        id,
        Optional.ofNullable(body.name()),
        change("application", body.application()),
        change("department", body.department()),
        change("project", body.project()),
        Optional.ofNullable(body.plan()),
        Optional.ofNullable(body.limits()).map(AdminCommands::overrides),
        Optional.ofNullable(body.allowedModels()).map(AdminCommands::models),
        Optional.ofNullable(body.expiresAt())
            .map(
                expiry ->
                    expiry.isNull()
                        ? Optional.<Instant>empty()
                        : Optional.of(instant(text("expires_at", expiry)))));
  }

  public static RotateKeyCommand rotate(KeyId id, Optional<RotateKeyJson> body) {
    Duration grace =
        body.map(RotateKeyJson::graceSeconds)
            .map(Duration::ofSeconds)
            .orElse(RotateKeyCommand.DEFAULT_GRACE);
    return FieldPath.at("grace_seconds", () -> new RotateKeyCommand(id, grace));
  }

  /** An id that cannot be a key's is simply not found. */
  static KeyId keyId(String id) {
    try {
      return new KeyId(id);
    } catch (IllegalArgumentException malformed) {
      throw new NotFound("There is no API key with id " + id + ".");
    }
  }

  private static PlanOverrides overrides(LimitsJson limits) {
    if (limits == null) {
      return PlanOverrides.NONE;
    }
    if ((limits.requests() == null) != (limits.windowSeconds() == null)) {
      throw new InvalidRequest("limits: requests and window_seconds go together");
    }
    Optional<RequestRate> requests =
        Optional.ofNullable(limits.requests())
            .map(
                limit ->
                    FieldPath.at(
                        "limits.requests",
                        () -> new RequestRate(limit, Duration.ofSeconds(limits.windowSeconds()))));
    Optional<Usd> budget =
        Optional.ofNullable(limits.monthlyBudgetUsd())
            .map(dollars -> FieldPath.at("limits.monthly_budget_usd", () -> Usd.of(dollars)));
    return FieldPath.at(
        "limits",
        () ->
            new PlanOverrides(
                requests,
                limits.tokensPerMinute() == null
                    ? OptionalLong.empty()
                    : OptionalLong.of(limits.tokensPerMinute()),
                limits.tokensPerDay() == null
                    ? OptionalLong.empty()
                    : OptionalLong.of(limits.tokensPerDay()),
                budget,
                limits.concurrentStreams() == null
                    ? OptionalInt.empty()
                    : OptionalInt.of(limits.concurrentStreams())));
  }

  private static Set<ModelId> models(List<String> ids) {
    if (ids == null) {
      return Set.of();
    }
    if (ids.size() > RequestLimits.MAX_ALLOWED_MODELS) {
      throw new InvalidRequest(
          "allowed_models: must hold at most " + RequestLimits.MAX_ALLOWED_MODELS + " models");
    }
    List<ModelId> models = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      String field = "allowed_models[" + i + "]";
      if (id == null) {
        throw new InvalidRequest(field + ": must be a string");
      }
      models.add(FieldPath.at(field, () -> new ModelId(id)));
    }
    return Set.copyOf(models);
  }

  private static Optional<Optional<String>> change(String field, JsonNode label) {
    if (label == null) {
      return Optional.empty();
    }
    return Optional.of(label.isNull() ? Optional.empty() : label(text(field, label)));
  }

  private static Optional<String> label(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
  }

  private static String text(String field, JsonNode node) {
    if (!node.isTextual()) {
      throw new InvalidRequest(field + ": must be a string");
    }
    return node.textValue();
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException malformed) {
      throw new InvalidRequest(
          "expires_at: must be an ISO-8601 UTC time such as 2027-01-31T00:00:00Z");
    }
  }
}
