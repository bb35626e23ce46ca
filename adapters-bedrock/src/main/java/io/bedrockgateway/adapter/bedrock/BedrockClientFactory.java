package io.bedrockgateway.adapter.bedrock;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** Builds the Bedrock Runtime client of one region, shared by every call to that region. */
final class BedrockClientFactory {

  /** Zero turns the HTTP client's read timeout off. */
  private static final Duration NO_READ_TIMEOUT = Duration.ZERO;

  private BedrockClientFactory() {}

  static BedrockRuntimeAsyncClient create(BedrockSettings settings, String region) {
    NettyNioAsyncHttpClient.Builder http =
        NettyNioAsyncHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .maxConcurrency(settings.maxConcurrency())
            // The adapter bounds every wait itself (requestTimeout, streamIdleTimeout). Netty's
            // 30 s default would cut long generations and streams paused by a slow client.
            .readTimeout(NO_READ_TIMEOUT);
    if (settings.requiresHttp1()) {
      http.protocol(Protocol.HTTP1_1);
    }
    BedrockRuntimeAsyncClientBuilder client =
        BedrockRuntimeAsyncClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(http)
            // A retried stream replays the events the caller already received; the gateway
            // retries by itself, and only before the first byte reached its client.
            .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
    settings.endpointOverride().ifPresent(client::endpointOverride);
    settings
        .staticCredentials()
        .map(pair -> AwsBasicCredentials.create(pair.accessKeyId(), pair.secretAccessKey()))
        .map(StaticCredentialsProvider::create)
        .ifPresent(client::credentialsProvider);
    return client.build();
  }
}
