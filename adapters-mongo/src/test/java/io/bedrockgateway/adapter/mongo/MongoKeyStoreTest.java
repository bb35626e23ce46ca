package io.bedrockgateway.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.KeyStoreContract;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoKeyStoreTest extends KeyStoreContract {
  private static final Instant CREATED = Instant.parse("2026-11-24T12:00:00Z");
  private final List<AutoCloseable> opened = new ArrayList<>();
  @TempDir Path spool;

  @Override
  protected KeyStore emptyStore(PlanCatalog plans) {
    return stores(MongoFixture.shared().freshDatabaseUri(), Duration.ofSeconds(5)).keyStore(plans);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : opened.reversed()) {
      resource.close();
    }
  }

  @Test
  void aRevocationByAnotherInstanceIsSeenOnceTheCacheExpires() throws InterruptedException {
    String uri = MongoFixture.shared().freshDatabaseUri();
    KeyStore admin = stores(uri, Duration.ofSeconds(5)).keyStore(PLANS);
    KeyStore gateway = stores(uri, Duration.ofMillis(300)).keyStore(PLANS);
    ApiKeyRecord key = managedKey("revoked", CREATED);
    admin.save(key);
    assertThat(gateway.findByHash(key.hash())).contains(key);

    admin.save(key.revoked(CREATED.plusSeconds(1)));
    Thread.sleep(400);

    assertThat(gateway.findByHash(key.hash()).orElseThrow().revokedAt()).isPresent();
  }

  @Test
  void aKeyWhosePlanIsNoLongerConfiguredGetsTheDefaultPlan() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    ApiKeyRecord key = managedKey("orphan", CREATED);
    stores(uri, Duration.ZERO).keyStore(PLANS).save(key);

    KeyStore withoutTeamPlan =
        stores(uri, Duration.ZERO)
            .keyStore(new PlanCatalog(DEFAULT_PLAN, Map.of("default", DEFAULT_PLAN)));

    assertThat(withoutTeamPlan.findById(key.keyId()).orElseThrow().principal().plan())
        .isEqualTo(key.overrides().applyTo(DEFAULT_PLAN));
  }

  @Test
  void duringAnOutageRecentLookupsStandAndOthersFailAsUnavailable() {
    try (OutageProxy proxy = OutageProxy.to(MongoFixture.shared().address())) {
      String uri = MongoFixture.viaProxy(proxy, "keys_outage_" + System.nanoTime());
      KeyStore store = stores(uri, Duration.ZERO).keyStore(PLANS);
      ApiKeyRecord known = managedKey("known", CREATED);
      store.save(known);
      assertThat(store.findByHash(known.hash())).contains(known);

      proxy.cut();

      assertThat(store.findByHash(known.hash())).contains(known);
      assertThatThrownBy(() -> store.findByHash(managedKey("other", CREATED).hash()))
          .isInstanceOf(DependencyUnavailable.class)
          .hasMessageNotContaining("mongodb://");
      assertThatThrownBy(store::list).isInstanceOf(DependencyUnavailable.class);
    }
  }

  @Test
  void storesTheHashAndNeverTheKey() {
    String uri = MongoFixture.shared().freshDatabaseUri();
    ApiKeyRecord key = managedKey("hashed", CREATED);
    stores(uri, Duration.ZERO).keyStore(PLANS).save(key);

    try (MongoClient client = MongoClients.create(uri)) {
      Document stored =
          client
              .getDatabase(
                  new MongoSettings(uri, spool, Duration.ofDays(1), Duration.ZERO, 1).database())
              .getCollection(KeyDocuments.COLLECTION)
              .find()
              .first();
      assertThat(stored.getString("hash")).isEqualTo(key.hash().hex());
      assertThat(stored.toJson()).doesNotContain("_secret");
    }
  }

  private MongoStores stores(String uri, Duration cacheTtl) {
    MongoStores stores =
        MongoStores.connect(
            new MongoSettings(uri, spool, Duration.ofDays(90), cacheTtl, 1_000), Clock.systemUTC());
    opened.add(stores);
    return stores;
  }
}
