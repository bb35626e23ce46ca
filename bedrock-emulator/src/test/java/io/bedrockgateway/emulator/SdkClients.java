package io.bedrockgateway.emulator;

import java.net.URI;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** The real AWS SDK client, configured the way the gateway points it at the emulator. */
final class SdkClients {

  private SdkClients() {}

  static BedrockRuntimeAsyncClient asyncClient(URI endpoint) {
    return asyncClient(endpoint, UnaryOperator.identity());
  }

  static BedrockRuntimeAsyncClient asyncClient(
      URI endpoint, UnaryOperator<NettyNioAsyncHttpClient.Builder> httpCustomization) {
    return BedrockRuntimeAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("akid", "secret")))
        // The async client speaks HTTP/2 by default; the emulator serves HTTP/1.1.
        .httpClientBuilder(
            httpCustomization.apply(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)))
        .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
