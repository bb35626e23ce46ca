package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.adapter.http.admin.AdminToken;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
  private static final HttpSettings FREE = HttpSettings.onFreePorts(Optional.empty());

  @Test
  void acceptsASensibleConfiguration() {
    HttpSettings settings =
        FREE.withProxies(List.of("https://app.example.com"), List.of("10.0.0.0/8"));

    assertThat(settings.corsEnabled()).isTrue();
    assertThat(FREE.corsEnabled()).isFalse();
    assertThat(FREE.adminListener().host()).isEqualTo("127.0.0.1");
  }

  @Test
  void refusesAnImpossiblePortOrAnAddressWithSpaces() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpSettings.Listener("0.0.0.0", 65_536))
        .withMessageContaining("port");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpSettings.Listener("local host", 8000))
        .withMessageContaining("host");
  }

  @Test
  void theAdminListenerNeedsAPortOfItsOwn() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new HttpSettings(
                    new HttpSettings.Listener("0.0.0.0", 8000),
                    new HttpSettings.Listener("127.0.0.1", 8000),
                    HttpLimits.DEFAULTS,
                    List.of(),
                    List.of(),
                    HttpTimeouts.DEFAULTS,
                    Optional.empty()))
        .withMessageContaining("admin listener");
  }

  @Test
  void refusesNonPositiveOrInconsistentLimits() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpLimits(0, 10, 10))
        .withMessageContaining("maxRequestBytes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpLimits(100, 10, 10))
        .withMessageContaining("maxBodyBytesInFlight");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpLimits(10, 10, 0))
        .withMessageContaining("maxConnections");
  }

  @Test
  void refusesWildcardMixedWithOrigins() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FREE.withProxies(List.of("*", "https://a.example"), List.of()))
        .withMessageContaining("corsOrigins");
  }

  @Test
  void refusesBlankOrigins() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FREE.withProxies(List.of(" "), List.of()))
        .withMessageContaining("corsOrigins");
  }

  @Test
  void refusesTrustedProxiesThatAreNotIpsOrCidrs() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FREE.withProxies(List.of(), List.of("proxy.internal")))
        .withMessageContaining("proxy.internal");
  }

  @Test
  void refusesNonPositiveTimeouts() {
    Duration second = Duration.ofSeconds(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpTimeouts(Duration.ZERO, second, second, second))
        .withMessageContaining("header");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpTimeouts(second, second, second, Duration.ofSeconds(-1)))
        .withMessageContaining("stream");
  }

  @Test
  void anAdminTokenIsLongAndNeverPrinted() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AdminToken.of("short"))
        .withMessageContaining("16");
    assertThat(AdminToken.of("a-long-enough-admin-token").toString())
        .doesNotContain("a-long-enough-admin-token");
  }
}
