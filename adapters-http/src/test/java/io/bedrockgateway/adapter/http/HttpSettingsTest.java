package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {
  private static final Duration IDLE = Duration.ofMinutes(5);

  @Test
  void acceptsASensibleConfiguration() {
    HttpSettings settings =
        new HttpSettings(
            8000,
            1_000_000,
            List.of("https://app.example.com"),
            List.of("10.0.0.0/8"),
            IDLE,
            Optional.empty());

    assertThat(settings.corsEnabled()).isTrue();
    assertThat(new HttpSettings(0, 1, List.of(), List.of(), IDLE, Optional.empty()).corsEnabled())
        .isFalse();
  }

  @Test
  void refusesAnImpossiblePort() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpSettings(65_536, 1, List.of(), List.of(), IDLE, Optional.empty()))
        .withMessageContaining("port");
  }

  @Test
  void refusesANonPositiveBodyLimit() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpSettings(0, 0, List.of(), List.of(), IDLE, Optional.empty()))
        .withMessageContaining("maxRequestBytes");
  }

  @Test
  void refusesWildcardMixedWithOrigins() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new HttpSettings(
                    0, 1, List.of("*", "https://a.example"), List.of(), IDLE, Optional.empty()))
        .withMessageContaining("corsOrigins");
  }

  @Test
  void refusesBlankOrigins() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HttpSettings(0, 1, List.of(" "), List.of(), IDLE, Optional.empty()))
        .withMessageContaining("corsOrigins");
  }

  @Test
  void refusesTrustedProxiesThatAreNotIpsOrCidrs() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new HttpSettings(
                    0, 1, List.of(), List.of("proxy.internal"), IDLE, Optional.empty()))
        .withMessageContaining("proxy.internal");
  }

  @Test
  void refusesANonPositiveIdleTimeout() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new HttpSettings(0, 1, List.of(), List.of(), Duration.ZERO, Optional.empty()))
        .withMessageContaining("idleTimeout");
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
