package io.bedrockgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnvironmentSettingsTest {
  private static final Map<String, String> GATEWAY_ON =
      Map.of(
          "USE_BEDROCK_GATEWAY", "true",
          "BEDROCK_API_GATEWAY_URL", "http://bedrock-gateway:8000",
          "BEDROCK_API_GATEWAY_KEY", "bgw_abc_secret0123456789");

  /** Every variable with a bad value, and what the failure must say besides its name. */
  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("USE_BEDROCK_GATEWAY", "maybe", "true or false"),
        Arguments.of("BEDROCK_API_GATEWAY_URL", "ftp://gateway", "http(s) URL"),
        Arguments.of("BEDROCK_API_GATEWAY_URL", "http://gw:8000/ x", "not a URL"),
        Arguments.of("BEDROCK_API_GATEWAY_URL", "http://user:pw@gw:8000", "no user info"),
        Arguments.of("BEDROCK_API_GATEWAY_KEY", "has space 0123", "printable"),
        Arguments.of("BEDROCK_API_GATEWAY_KEY", "short", "8..512"),
        Arguments.of("GATEWAY_TRAFFIC_PERCENTAGE", "101", "0..100"),
        Arguments.of("GATEWAY_TRAFFIC_PERCENTAGE", "-1", "0..100"),
        Arguments.of("GATEWAY_TRAFFIC_PERCENTAGE", "30%", "whole number"),
        Arguments.of("GATEWAY_FALLBACK_TO_DIRECT", "sometimes", "true or false"),
        Arguments.of("GATEWAY_CONNECT_TIMEOUT_MS", "0", "1..600000"),
        Arguments.of("GATEWAY_CONNECT_TIMEOUT_MS", "2s", "whole number"),
        Arguments.of("GATEWAY_TIMEOUT_MS", "0", "1..3600000"),
        Arguments.of("GATEWAY_BREAKER_FAILURE_RATE", "0", "1..100"),
        Arguments.of("GATEWAY_BREAKER_MINIMUM_CALLS", "0", "1..1000"),
        Arguments.of("GATEWAY_BREAKER_OPEN_SECONDS", "0", "1..3600"),
        Arguments.of("GATEWAY_BREAKER_OPEN_SECONDS", "7200", "1..3600"),
        Arguments.of("AWS_REGION", "Mars", "region name"),
        Arguments.of("AWS_DEFAULT_REGION", "us_east_1", "region name"),
        Arguments.of("BEDROCK_ENDPOINT_URL", "localhost:4010", "http(s) URL"),
        Arguments.of("DEFAULT_CHAT_MODEL", "claude sonnet", "model id"),
        Arguments.of("DEFAULT_EMBEDDING_MODEL", "titan\u0000", "model id"),
        Arguments.of("DEFAULT_IMAGE_EMBEDDING_MODEL", "a b", "model id"),
        Arguments.of("DEFAULT_IMAGE_MODEL", "x".repeat(2049), "model id"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void aBadValueFailsNamingItsVariable(String variable, String value, String expected) {
    Map<String, String> environment = new HashMap<>(GATEWAY_ON);
    environment.put(variable, value);
    String named = variable.equals("AWS_DEFAULT_REGION") ? "AWS_REGION" : variable;

    assertThatThrownBy(() -> EnvironmentSettings.read(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named)
        .hasMessageContaining(expected)
        .hasMessageNotContaining("secret0123456789");
  }

  @Test
  void theTableCoversEveryVariable() {
    assertThat(badValues().map(arguments -> (String) arguments.get()[0]).distinct())
        .containsExactlyInAnyOrderElementsOf(EnvironmentSettings.VARIABLES);
  }

  @Test
  void theGatewayNeedsItsUrlAndKey() {
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("USE_BEDROCK_GATEWAY", "true")))
        .hasMessageContaining("BEDROCK_API_GATEWAY_URL is required");
    assertThatThrownBy(
            () ->
                EnvironmentSettings.read(
                    Map.of(
                        "USE_BEDROCK_GATEWAY", "true",
                        "BEDROCK_API_GATEWAY_URL", "http://gw:8000")))
        .hasMessageContaining("BEDROCK_API_GATEWAY_KEY is required");
  }

  @Test
  void nothingSetMeansDirectBedrockWithTheDefaults() {
    ClientSettings settings = EnvironmentSettings.read(Map.of());

    assertThat(settings).isEqualTo(ClientSettings.defaults());
    assertThat(settings.useGateway()).isFalse();
    assertThat(settings.trafficPercentage()).isEqualTo(100);
    assertThat(settings.fallbackToDirect()).isTrue();
    assertThat(settings.region()).isEqualTo("us-east-1");
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> environment = new HashMap<>(GATEWAY_ON);
    environment.putAll(
        Map.ofEntries(
            Map.entry("GATEWAY_TRAFFIC_PERCENTAGE", "25"),
            Map.entry("GATEWAY_FALLBACK_TO_DIRECT", "false"),
            Map.entry("GATEWAY_CONNECT_TIMEOUT_MS", "1500"),
            Map.entry("GATEWAY_TIMEOUT_MS", "45000"),
            Map.entry("GATEWAY_BREAKER_FAILURE_RATE", "40"),
            Map.entry("GATEWAY_BREAKER_MINIMUM_CALLS", "8"),
            Map.entry("GATEWAY_BREAKER_OPEN_SECONDS", "12"),
            Map.entry("AWS_DEFAULT_REGION", "eu-west-1"),
            Map.entry("BEDROCK_ENDPOINT_URL", "https://vpce.example.com"),
            Map.entry("DEFAULT_CHAT_MODEL", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            Map.entry("DEFAULT_EMBEDDING_MODEL", "cohere.embed-english-v3"),
            Map.entry("DEFAULT_IMAGE_EMBEDDING_MODEL", "amazon.titan-embed-image-v1"),
            Map.entry("DEFAULT_IMAGE_MODEL", "amazon.nova-canvas-v1:0")));

    ClientSettings settings = EnvironmentSettings.read(environment);

    assertThat(settings.useGateway()).isTrue();
    assertThat(settings.gatewayUrl())
        .isEqualTo(URI.create("http://bedrock-gateway:8000/api/v1/bedrock"));
    assertThat(settings.gatewayKey()).isEqualTo("bgw_abc_secret0123456789");
    assertThat(settings.trafficPercentage()).isEqualTo(25);
    assertThat(settings.fallbackToDirect()).isFalse();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.firstByteTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.breaker()).isEqualTo(new BreakerSettings(40, 8, Duration.ofSeconds(12)));
    assertThat(settings.region()).isEqualTo("eu-west-1");
    assertThat(settings.directEndpoint()).isEqualTo(URI.create("https://vpce.example.com"));
    assertThat(settings.models())
        .isEqualTo(
            new DefaultModels(
                "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "cohere.embed-english-v3",
                "amazon.titan-embed-image-v1",
                "amazon.nova-canvas-v1:0"));
    assertThat(settings.toString()).doesNotContain("secret0123456789");
  }

  @Test
  void aUrlWithAPathIsTheApiBaseItself() {
    for (var entry :
        List.of(
            Map.entry("http://gw:8000", "http://gw:8000/api/v1/bedrock"),
            Map.entry("http://gw:8000/", "http://gw:8000/api/v1/bedrock"),
            Map.entry("http://gw:8000/api/v1", "http://gw:8000/api/v1"),
            Map.entry(
                "https://apps.example.com/api/bedrock-gateway/",
                "https://apps.example.com/api/bedrock-gateway"))) {
      assertThat(ClientSettings.apiBase(URI.create(entry.getKey())))
          .isEqualTo(URI.create(entry.getValue()));
    }
  }

  @Test
  void theBuilderChecksItsValuesTooNamingTheVariable() {
    assertThatThrownBy(() -> BedrockGatewayClient.builder().trafficPercentage(120).build())
        .hasMessageContaining("GATEWAY_TRAFFIC_PERCENTAGE");
    assertThatThrownBy(() -> BedrockGatewayClient.builder().useGateway(true).build())
        .hasMessageContaining("BEDROCK_API_GATEWAY_URL");
  }
}
