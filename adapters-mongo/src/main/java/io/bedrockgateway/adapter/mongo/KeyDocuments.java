package io.bedrockgateway.adapter.mongo;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.key.Rotation;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import io.bedrockgateway.domain.plan.PlanOverrides;
import io.bedrockgateway.domain.plan.RequestRate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API key as one document of {@code api_keys}, keyed by key id: the SHA-256 of the key, never
 * the key. The plan is stored by name and resolved through the configured plans when read.
 */
final class KeyDocuments {
  private static final Logger LOG = LoggerFactory.getLogger(KeyDocuments.class);
  static final String COLLECTION = "api_keys";
  static final String ID = "_id";
  static final String HASH = "hash";
  static final String CREATED_AT = "created_at";
  private static final String NAME = "name";
  private static final String APPLICATION = "application";
  private static final String DEPARTMENT = "department";
  private static final String PROJECT = "project";
  private static final String PLAN = "plan";
  private static final String LIMITS = "limits";
  private static final String REQUESTS = "requests";
  private static final String WINDOW_SECONDS = "window_seconds";
  private static final String TOKENS_PER_MINUTE = "tokens_per_minute";
  private static final String TOKENS_PER_DAY = "tokens_per_day";
  private static final String MONTHLY_BUDGET_USD = "monthly_budget_usd";
  private static final String CONCURRENT_STREAMS = "concurrent_streams";
  private static final String ALLOWED_MODELS = "allowed_models";
  private static final String LINEAGE = "limits_of";
  private static final String EXPIRES_AT = "expires_at";
  private static final String REVOKED_AT = "revoked_at";
  private static final String ROTATED_FROM = "rotated_from";
  private static final String PREDECESSOR = "key_id";
  private static final String GRACE_UNTIL = "grace_until";

  private final PlanCatalog plans;
  private final Set<String> missingPlansWarned = ConcurrentHashMap.newKeySet();

  KeyDocuments(PlanCatalog plans) {
    this.plans = plans;
  }

  Document toDocument(ApiKeyRecord key) {
    Principal principal = key.principal();
    Document document =
        new Document(ID, key.keyId().value())
            .append(HASH, key.hash().hex())
            .append(NAME, principal.name());
    principal.application().ifPresent(value -> document.append(APPLICATION, value));
    principal.department().ifPresent(value -> document.append(DEPARTMENT, value));
    principal.project().ifPresent(value -> document.append(PROJECT, value));
    document
        .append(PLAN, principal.plan().name())
        .append(LIMITS, limits(key.overrides()))
        .append(
            ALLOWED_MODELS,
            principal.allowedModels().stream().map(ModelId::value).sorted().toList())
        .append(LINEAGE, principal.lineage().value());
    key.createdAt().ifPresent(at -> document.append(CREATED_AT, Date.from(at)));
    key.expiresAt().ifPresent(at -> document.append(EXPIRES_AT, Date.from(at)));
    key.revokedAt().ifPresent(at -> document.append(REVOKED_AT, Date.from(at)));
    key.rotatedFrom()
        .ifPresent(
            rotation ->
                document.append(
                    ROTATED_FROM,
                    new Document(PREDECESSOR, rotation.predecessor().value())
                        .append(GRACE_UNTIL, Date.from(rotation.graceUntil()))));
    return document;
  }

  ApiKeyRecord toRecord(Document document) {
    KeyId id = new KeyId(document.getString(ID));
    PlanOverrides overrides = overrides(document.get(LIMITS, new Document()));
    Principal principal =
        new Principal(
            id,
            document.getString(NAME),
            Optional.ofNullable(document.getString(APPLICATION)),
            Optional.ofNullable(document.getString(DEPARTMENT)),
            Optional.ofNullable(document.getString(PROJECT)),
            overrides.applyTo(plan(document.getString(PLAN))),
            document.getList(ALLOWED_MODELS, String.class, List.of()).stream()
                .map(ModelId::new)
                .collect(Collectors.toSet()),
            // keys stored before rotations kept their limits spend their own
            Optional.ofNullable(document.getString(LINEAGE)).map(KeyId::new).orElse(id));
    Optional<Rotation> rotation =
        Optional.ofNullable(document.get(ROTATED_FROM, Document.class))
            .map(
                from ->
                    new Rotation(
                        new KeyId(from.getString(PREDECESSOR)),
                        from.getDate(GRACE_UNTIL).toInstant()));
    return new ApiKeyRecord(
        new KeyHash(document.getString(HASH)),
        principal,
        overrides,
        instant(document, CREATED_AT),
        instant(document, EXPIRES_AT),
        instant(document, REVOKED_AT),
        rotation);
  }

  /** A plan removed from the configuration falls back to the default plan, with a warning. */
  private Plan plan(String name) {
    return plans
        .find(name)
        .orElseGet(
            () -> {
              if (missingPlansWarned.add(name)) {
                LOG.warn(
                    "Keys on plan '{}' get the default plan: no plan of that name is configured",
                    name);
              }
              return plans.defaultPlan();
            });
  }

  private static Document limits(PlanOverrides overrides) {
    Document limits = new Document();
    overrides
        .requests()
        .ifPresent(
            rate ->
                limits
                    .append(REQUESTS, rate.limit())
                    .append(WINDOW_SECONDS, rate.window().toSeconds()));
    overrides.tokensPerMinute().ifPresent(value -> limits.append(TOKENS_PER_MINUTE, value));
    overrides.tokensPerDay().ifPresent(value -> limits.append(TOKENS_PER_DAY, value));
    overrides
        .monthlyBudget()
        .ifPresent(budget -> limits.append(MONTHLY_BUDGET_USD, new Decimal128(budget.dollars())));
    overrides.concurrentStreams().ifPresent(value -> limits.append(CONCURRENT_STREAMS, value));
    return limits;
  }

  private static PlanOverrides overrides(Document limits) {
    Optional<RequestRate> requests =
        Optional.ofNullable(limits.getLong(REQUESTS))
            .map(
                limit ->
                    new RequestRate(limit, Duration.ofSeconds(limits.getLong(WINDOW_SECONDS))));
    return new PlanOverrides(
        requests,
        optionalLong(limits, TOKENS_PER_MINUTE),
        optionalLong(limits, TOKENS_PER_DAY),
        Optional.ofNullable(limits.get(MONTHLY_BUDGET_USD, Decimal128.class))
            .map(dollars -> Usd.of(dollars.bigDecimalValue())),
        Optional.ofNullable(limits.getInteger(CONCURRENT_STREAMS))
            .map(OptionalInt::of)
            .orElse(OptionalInt.empty()));
  }

  private static OptionalLong optionalLong(Document document, String field) {
    Long value = document.getLong(field);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  private static Optional<Instant> instant(Document document, String field) {
    return Optional.ofNullable(document.getDate(field)).map(Date::toInstant);
  }
}
