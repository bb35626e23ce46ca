package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.bedrockgateway.adapter.http.common.ClientAddressResolver;
import io.bedrockgateway.adapter.http.common.IpRange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressResolverTest {
  private final ClientAddressResolver resolver =
      new ClientAddressResolver(List.of("10.0.0.0/8", "192.168.1.1", "fd00::/8"));

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For \"{1}\" -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          203.0.113.7  | 198.51.100.1                          | 203.0.113.7
          10.0.0.5     |                                       | 10.0.0.5
          10.0.0.5     | 198.51.100.1                          | 198.51.100.1
          10.0.0.5     | 1.1.1.1, 198.51.100.1                 | 198.51.100.1
          10.0.0.5     | 198.51.100.1, 10.9.9.9, 192.168.1.1   | 198.51.100.1
          10.0.0.5     | 10.1.1.1, 10.2.2.2                    | 10.1.1.1
          10.0.0.5     | 198.51.100.1, not-an-ip               | 10.0.0.5
          10.0.0.5     | evil.example, 10.9.9.9                | 10.9.9.9
          [fd00::1]    | 2001:db8::7                           | 2001:db8:0:0:0:0:0:7
          fd12::1      | 203.0.113.9                           | 203.0.113.9
          """)
  void findsTheRightMostUntrustedHop(String peer, String forwardedFor, String client) {
    List<String> headers = forwardedFor == null ? List.of() : List.of(forwardedFor);

    assertThat(resolver.resolve(peer, headers)).contains(client);
  }

  @Test
  void readsEveryForwardedForHeaderInOrder() {
    assertThat(resolver.resolve("10.0.0.5", List.of("198.51.100.1", "203.0.113.7, 10.0.0.9")))
        .contains("203.0.113.7");
  }

  @Test
  void noPeerMeansNoAddress() {
    assertThat(resolver.resolve(null, List.of("203.0.113.7"))).isEmpty();
  }

  @Test
  void withoutTrustedProxiesThePeerIsTheClient() {
    assertThat(new ClientAddressResolver(List.of()).resolve("10.0.0.5", List.of("1.2.3.4")))
        .contains("10.0.0.5");
  }

  @Test
  void cidrBlocksMatchByPrefix() {
    IpRange range = IpRange.parse("172.16.0.0/12");

    assertThat(range.contains(IpRange.parseAddress("172.31.255.255").orElseThrow())).isTrue();
    assertThat(range.contains(IpRange.parseAddress("172.32.0.0").orElseThrow())).isFalse();
    assertThat(range.contains(IpRange.parseAddress("::1").orElseThrow())).isFalse();
    assertThat(IpRange.parse("0.0.0.0/0").contains(IpRange.parseAddress("8.8.8.8").orElseThrow()))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "10.0.0.0/33", "10.0.0.256", "10.0.0.0/x", "::1/129", ""})
  void rejectsWhatIsNotAnIpOrCidr(String entry) {
    assertThatIllegalArgumentException().isThrownBy(() -> IpRange.parse(entry));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "1.2.3", "010.0.0.1", "1.2.3.4.5", "g::1"})
  void neverResolvesHostNames(String text) {
    assertThat(IpRange.parseAddress(text)).isEmpty();
  }
}
