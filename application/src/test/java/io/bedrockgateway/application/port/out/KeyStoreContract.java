package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link KeyStore} must do; each implementation runs it against itself. */
public abstract class KeyStoreContract {
  protected static final Plan DEFAULT_PLAN =
      Plan.unlimited("default").withRequests(new RequestRate(100, Duration.ofMinutes(1)));
  protected static final Plan TEAM_PLAN = Plan.unlimited("team").withTokensPerDay(1_000_000);
  protected static final PlanCatalog PLANS =
      new PlanCatalog(DEFAULT_PLAN, Map.of("default", DEFAULT_PLAN, "team", TEAM_PLAN));
  // stores may keep milliseconds only
  private static final Instant CREATED = Instant.parse("2026-11-24T12:00:00.123Z");

  /** An empty store that resolves plan names through {@code plans}. */
  protected abstract KeyStore emptyStore(PlanCatalog plans);

  @Test
  void findsAKeyByTheHashOfItsSecret() {
    KeyStore store = emptyStore(PLANS);
    ApiKeySecret secret = new ApiKeySecret("bgw_" + UUID.randomUUID());
    ApiKeyRecord stored = ApiKeyRecord.configured(secret, new KeyId("configured1"), DEFAULT_PLAN);

    store.save(stored);

    assertThat(store.findByHash(KeyHash.of(secret.value()))).contains(stored);
  }

  @Test
  void keepsTheLineageWhoseLimitsARotatedKeySpends() {
    KeyStore store = emptyStore(PLANS);
    ApiKeySecret secret = new ApiKeySecret("bgw_" + UUID.randomUUID());
    Principal rotated =
        new Principal(
            new KeyId("successor1"),
            "rotated",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            DEFAULT_PLAN,
            Set.of(),
            new KeyId("original1"));

    store.save(ApiKeyRecord.active(secret.hash(), rotated));

    assertThat(store.findById(new KeyId("successor1")))
        .hasValueSatisfying(
            found -> assertThat(found.principal().lineage()).isEqualTo(new KeyId("original1")));
  }

  @Test
  void doesNotFindUnknownKeys() {
    KeyStore store = emptyStore(PLANS);
    store.save(
        ApiKeyRecord.configured(
            new ApiKeySecret("bgw_" + UUID.randomUUID()), new KeyId("configured2"), DEFAULT_PLAN));

    assertThat(store.findByHash(KeyHash.of("bgw_someone-else"))).isEmpty();
    assertThat(store.findById(new KeyId("nosuchkey"))).isEmpty();
  }

  @Test
  void keepsEveryFieldOfAManagedKey() {
    KeyStore store = emptyStore(PLANS);
    ApiKeyRecord key = managedKey("alpha", CREATED);

    store.save(key);

    assertThat(store.findById(key.keyId())).contains(key);
    assertThat(store.findByHash(key.hash())).contains(key);
  }

  @Test
  void savingAKeyAgainReplacesItAndARevocationIsSeenAtOnceByTheSameStore() {
    KeyStore store = emptyStore(PLANS);
    ApiKeyRecord key = managedKey("beta", CREATED);
    store.save(key);
    assertThat(store.findByHash(key.hash())).contains(key);

    ApiKeyRecord revoked = key.revoked(CREATED.plusSeconds(60));
    store.save(revoked);

    assertThat(store.findByHash(key.hash())).contains(revoked);
    assertThat(store.findById(key.keyId())).contains(revoked);
    assertThat(store.list()).containsExactly(revoked);
  }

  @Test
  void listsEveryKeyOldestFirst() {
    KeyStore store = emptyStore(PLANS);
    ApiKeyRecord newer = managedKey("gamma", CREATED.plusSeconds(10));
    ApiKeyRecord older = managedKey("delta", CREATED);
    ApiKeyRecord retired = managedKey("epsilon", CREATED.plusSeconds(20)).revoked(CREATED);

    store.save(newer);
    store.save(older);
    store.save(retired);

    assertThat(store.list()).containsExactly(older, newer, retired);
  }

  /** A key with every optional field set, whose id starts with {@code label}. */
  protected static ApiKeyRecord managedKey(String label, Instant createdAt) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ApiKeySecret secret = new ApiKeySecret("bgw_" + label + suffix + "_secret" + suffix);
    PlanOverrides overrides =
        new PlanOverrides(
            Optional.of(new RequestRate(5, Duration.ofSeconds(10))),
            OptionalLong.of(20_000),
            OptionalLong.empty(),
            Optional.of(Usd.of("12.50")),
            OptionalInt.of(3));
    Principal principal =
        new Principal(
            secret.embeddedKeyId().orElseThrow(),
            "Key " + label,
            Optional.of("chatbot"),
            Optional.of("research"),
            Optional.of("apollo"),
            overrides.applyTo(TEAM_PLAN),
            Set.of(new ModelId("amazon.nova-lite-v1:0"), new ModelId("amazon.nova-pro-v1:0")));
    return new ApiKeyRecord(
        secret.hash(),
        principal,
        overrides,
        Optional.of(createdAt),
        Optional.of(createdAt.plus(Duration.ofDays(30))),
        Optional.empty(),
        Optional.of(new Rotation(new KeyId("predecessor1"), createdAt.plusSeconds(3_600))));
  }
}
