package io.bedrockgateway.adapter.bedrock;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Builds the Bedrock Runtime clients of one region, shared by every call to that region: a sync
 * client for calls answered in one reply, run on the caller's virtual thread, and an async one for
 * streams.
 *
 * <p>Why two: a reply through the async client hops from the request's thread to a Netty event loop
 * and back, and runs the SDK's reactive body pipeline; the sync client writes and reads the socket
 * on the caller's thread. On the load benchmark (16 connections, in-memory stores) that took the
 * gateway from about 1.0 to about 0.45 CPU ms per request.
 */
final class BedrockClientFactory {

  /** Zero turns the HTTP clients' read timeouts off. */
  private static final Duration NO_READ_TIMEOUT = Duration.ZERO;

  private BedrockClientFactory() {}

  /**
   * The client of calls answered in one reply. The SDK bounds each call by the request timeout
   * ({@code apiCallTimeout}: it aborts the call and closes its connection), so reads carry no
   * timeout of their own, which would arm a second timer per read.
   */
  static BedrockRuntimeClient replies(BedrockSettings settings, String region) {
    Apache5HttpClient.Builder http =
        Apache5HttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .connectionAcquisitionTimeout(settings.requestTimeout())
            .maxConnections(settings.maxConcurrency())
            .socketTimeout(NO_READ_TIMEOUT);
    return configured(
            BedrockRuntimeClient.builder(),
            settings,
            region,
            Optional.of(settings.requestTimeout()))
        .httpClientBuilder(http)
        .build();
  }

  /** The client of streams: the adapter bounds their waits itself (StreamRelay, ChunkRelay). */
  static BedrockRuntimeAsyncClient streams(BedrockSettings settings, String region) {
    NettyNioAsyncHttpClient.Builder http =
        NettyNioAsyncHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .maxConcurrency(settings.maxConcurrency())
            // Netty's 30 s default would cut long generations and streams paused by a slow client.
            .readTimeout(NO_READ_TIMEOUT);
    if (settings.requiresHttp1()) {
      http.protocol(Protocol.HTTP1_1);
    }
    return configured(BedrockRuntimeAsyncClient.builder(), settings, region, Optional.empty())
        .httpClientBuilder(http)
        .build();
  }

  private static <B extends AwsClientBuilder<B, ?>> B configured(
      B client, BedrockSettings settings, String region, Optional<Duration> callTimeout) {
    client
        .region(Region.of(region))
        // A retried stream replays the events the caller already received; the gateway retries
        // by itself (Failover), and only before the first byte reached its client.
        .overrideConfiguration(
            config -> {
              config.retryStrategy(AwsRetryStrategy.doNotRetry());
              callTimeout.ifPresent(config::apiCallTimeout);
            });
    settings.endpointOverride().ifPresent(client::endpointOverride);
    settings
        .staticCredentials()
        .map(pair -> AwsBasicCredentials.create(pair.accessKeyId(), pair.secretAccessKey()))
        .map(StaticCredentialsProvider::create)
        .ifPresent(client::credentialsProvider);
    return client;
  }
}
