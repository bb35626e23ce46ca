package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BedrockSettingsTest {

  @Test
  void defaultsSuitTheRegionsOwnEndpoint() {
    BedrockSettings settings = BedrockSettings.forRegion("eu-central-1");

    assertThat(settings.endpointOverride()).isEmpty();
    assertThat(settings.maxConcurrency()).isEqualTo(BedrockSettings.DEFAULT_MAX_CONCURRENCY);
    assertThat(settings.requiresHttp1()).isFalse();
  }

  @Test
  void onlyAPlainHttpEndpointNeedsHttp1() {
    BedrockSettings settings = BedrockSettings.forRegion("us-east-1");

    assertThat(settings.withEndpointOverride(URI.create("http://127.0.0.1:4010")).requiresHttp1())
        .isTrue();
    assertThat(
            settings
                .withEndpointOverride(URI.create("https://vpce-1.bedrock-runtime.amazonaws.com"))
                .requiresHttp1())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "US-EAST-1", "us_east_1", "bedrock"})
  void rejectsWhatIsNotARegionName(String region) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BedrockSettings.forRegion(region))
        .withMessageContaining("region");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com", "localhost:4010", "/model"})
  void rejectsAnEndpointThatIsNotAnAbsoluteHttpUri(String endpoint) {
    BedrockSettings settings = BedrockSettings.forRegion("us-east-1");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> settings.withEndpointOverride(URI.create(endpoint)))
        .withMessageContaining("endpointOverride");
  }

  @Test
  void rejectsTimeoutsThatAreNotPositiveAndAnEmptyPool() {
    Duration second = Duration.ofSeconds(1);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BedrockSettings(
                    Optional.empty(), "us-east-1", second, Duration.ZERO, second, 10))
        .withMessageContaining("streamIdleTimeout");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new BedrockSettings(
                    Optional.empty(), "us-east-1", second, second, second.negated(), 10))
        .withMessageContaining("requestTimeout");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new BedrockSettings(Optional.empty(), "us-east-1", second, second, second, 0))
        .withMessageContaining("maxConcurrency");
  }
}
