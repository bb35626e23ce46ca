package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.catalog.Region;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The clients of each region, made when the region is first called and reused after: a sync one for
 * calls answered in one reply and an async one for streams (see {@link BedrockClientFactory}), each
 * with its own connection pool. Unnamed regions are the gateway's own.
 */
final class BedrockClients implements AutoCloseable {
  private final BedrockSettings settings;
  private final Map<String, BedrockRuntimeClient> replies = new ConcurrentHashMap<>();
  private final Map<String, BedrockRuntimeAsyncClient> streams = new ConcurrentHashMap<>();

  BedrockClients(BedrockSettings settings) {
    this.settings = settings;
    streams.put(settings.region(), BedrockClientFactory.streams(settings, settings.region()));
  }

  /** The client of calls answered in one reply, which block the calling (virtual) thread. */
  BedrockRuntimeClient replies(Optional<Region> region) {
    return replies.computeIfAbsent(
        name(region), absent -> BedrockClientFactory.replies(settings, absent));
  }

  /** The client of streams. */
  BedrockRuntimeAsyncClient streams(Optional<Region> region) {
    return streams.computeIfAbsent(
        name(region), absent -> BedrockClientFactory.streams(settings, absent));
  }

  private String name(Optional<Region> region) {
    return region.map(Region::name).orElse(settings.region());
  }

  @Override
  public void close() {
    replies.values().forEach(BedrockRuntimeClient::close);
    streams.values().forEach(BedrockRuntimeAsyncClient::close);
  }
}
