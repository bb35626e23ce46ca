package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.catalog.Region;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * One client per region, made when the region is first called and reused after: each holds its own
 * connection pool. Unnamed regions are the gateway's own.
 */
final class BedrockClients implements AutoCloseable {
  private final BedrockSettings settings;
  private final Map<String, BedrockRuntimeAsyncClient> byRegion = new ConcurrentHashMap<>();

  BedrockClients(BedrockSettings settings) {
    this.settings = settings;
    byRegion.put(settings.region(), BedrockClientFactory.create(settings, settings.region()));
  }

  BedrockRuntimeAsyncClient forRegion(Optional<Region> region) {
    String name = region.map(Region::name).orElse(settings.region());
    return byRegion.computeIfAbsent(name, absent -> BedrockClientFactory.create(settings, absent));
  }

  @Override
  public void close() {
    byRegion.values().forEach(BedrockRuntimeAsyncClient::close);
  }
}
