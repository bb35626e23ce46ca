package io.bedrockgateway.bootstrap.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;

/**
 * The AWS SDK's Bedrock Runtime clients as an application configures them for the gateway: the
 * endpoint override {@code http://HOST:PORT/bedrock} and the gateway key as the bearer token, as
 * {@code AWS_BEARER_TOKEN_BEDROCK} would set it (a token provider needs the bearer scheme chosen
 * with it). No retries, so that each call is one request.
 */
final class BedrockSdkClients {
  private static final List<String> BEARER = List.of("httpBearerAuth");

  private BedrockSdkClients() {}

  static URI endpoint(int port) {
    return URI.create("http://127.0.0.1:" + port + "/bedrock");
  }

  static BedrockRuntimeClient sync(int port, String key) {
    return BedrockRuntimeClient.builder()
        .endpointOverride(endpoint(port))
        .region(Region.US_EAST_1)
        .tokenProvider(StaticTokenProvider.create(() -> key))
        .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(BEARER))
        .httpClientBuilder(Apache5HttpClient.builder().socketTimeout(Duration.ofSeconds(60)))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A client that signs with AWS credentials (SigV4), as an SDK without a bearer token does. */
  static BedrockRuntimeClient signing(int port) {
    return BedrockRuntimeClient.builder()
        .endpointOverride(endpoint(port))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAEXAMPLEEXAMPLE", "secret-of-an-aws-user")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** The async client, over HTTP/1.1: it speaks HTTP/2 by default, which needs TLS. */
  static BedrockRuntimeAsyncClient async(int port, String key) {
    return BedrockRuntimeAsyncClient.builder()
        .endpointOverride(endpoint(port))
        .region(Region.US_EAST_1)
        .tokenProvider(StaticTokenProvider.create(() -> key))
        .authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(BEARER))
        .httpClientBuilder(
            NettyNioAsyncHttpClient.builder()
                .protocol(Protocol.HTTP1_1)
                .readTimeout(Duration.ofSeconds(60)))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
