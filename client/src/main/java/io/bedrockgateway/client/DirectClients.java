package io.bedrockgateway.client;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** The SDK client of the direct path. */
final class DirectClients {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  private DirectClients() {}

  /**
   * An async client (only it has ConverseStream) without SDK retries: a retried stream would replay
   * events the caller already has. HTTP/1.1 for a plain {@code http://} endpoint (the async client
   * would try HTTP/2). {@code credentials} null means the SDK's default chain.
   */
  static BedrockRuntimeAsyncClient create(
      ClientSettings settings, AwsCredentialsProvider credentials) {
    NettyNioAsyncHttpClient.Builder http =
        NettyNioAsyncHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .readTimeout(CALL_TIMEOUT);
    BedrockRuntimeAsyncClientBuilder client =
        BedrockRuntimeAsyncClient.builder()
            .region(Region.of(settings.region()))
            .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (settings.directEndpoint() != null) {
      client.endpointOverride(settings.directEndpoint());
      if ("http".equals(settings.directEndpoint().getScheme())) {
        http.protocol(Protocol.HTTP1_1);
      }
    }
    if (credentials != null) {
      client.credentialsProvider(credentials);
    }
    return client.httpClientBuilder(http).build();
  }
}
