package io.bedrockgateway.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.KeyId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** API keys in the {@code api_keys} collection, shared by every gateway instance. */
final class MongoKeyStore implements KeyStore {
  private static final Logger LOG = LoggerFactory.getLogger(MongoKeyStore.class);

  private final MongoCollection<Document> keys;
  private final KeyDocuments documents;
  private final KeyLookupCache cache;

  MongoKeyStore(
      MongoCollection<Document> keys, KeyDocuments documents, Duration cacheTtl, Clock clock) {
    this.keys = keys;
    this.documents = documents;
    this.cache = new KeyLookupCache(cacheTtl, clock);
  }

  @Override
  public Optional<ApiKeyRecord> findByHash(KeyHash hash) {
    return cache.get(hash, () -> findOne(Filters.eq(KeyDocuments.HASH, hash.hex())));
  }

  @Override
  public Optional<ApiKeyRecord> findById(KeyId id) {
    return findOne(Filters.eq(KeyDocuments.ID, id.value()));
  }

  @Override
  public List<ApiKeyRecord> list() {
    return call(
        () ->
            keys.find()
                .sort(Sorts.ascending(KeyDocuments.CREATED_AT, KeyDocuments.ID))
                .map(documents::toRecord)
                .into(new ArrayList<>()));
  }

  @Override
  public void save(ApiKeyRecord key) {
    call(
        () ->
            keys.replaceOne(
                Filters.eq(KeyDocuments.ID, key.keyId().value()),
                documents.toDocument(key),
                new ReplaceOptions().upsert(true)));
    cache.forget(key.hash());
  }

  private Optional<ApiKeyRecord> findOne(org.bson.conversions.Bson filter) {
    return call(() -> Optional.ofNullable(keys.find(filter).first()).map(documents::toRecord));
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoException failure) {
      LOG.warn("The key store (MongoDB) failed: {}", failure.getMessage());
      throw new DependencyUnavailable("The key store is unavailable; retry shortly.");
    }
  }
}
