package io.bedrockgateway.domain.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaHostsTest {
  private static final MediaHosts HOSTS =
      MediaHosts.of(List.of("images.example.com", "*.cdn.example.org", "127.0.0.1:8080", "[::1]"));

  @ParameterizedTest
  @CsvSource({
    "https://images.example.com/cat.png, true",
    "https://IMAGES.example.com./cat.png, true",
    "https://images.example.com:443/cat.png, true",
    "http://images.example.com/cat.png, true",
    "https://images.example.com:8443/cat.png, false",
    "https://other.example.com/cat.png, false",
    "https://example.com/cat.png, false",
    "https://images.example.com.evil.net/cat.png, false",
    "https://a.cdn.example.org/cat.png, true",
    "https://a.b.cdn.example.org/cat.png, true",
    "https://cdn.example.org/cat.png, false",
    "https://evilcdn.example.org/cat.png, false",
    "http://127.0.0.1:8080/cat.png, true",
    "http://127.0.0.1/cat.png, false",
    "http://127.0.0.1:8081/cat.png, false",
    "https://[::1]/cat.png, true"
  })
  void permitsListedHostsOnTheirPortsOnly(String url, boolean permitted) {
    assertThat(HOSTS.permits(MediaUrl.parse(url))).isEqualTo(permitted);
  }

  @Test
  void noEntriesPermitNothing() {
    assertThat(MediaHosts.NONE.isEmpty()).isTrue();
    assertThat(MediaHosts.of(List.of()).permits(MediaUrl.parse("https://example.com/a.png")))
        .isFalse();
  }

  @Test
  void readsBackAsWritten() {
    assertThat(HOSTS.entries())
        .containsExactly("images.example.com", "*.cdn.example.org", "127.0.0.1:8080", "[::1]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*",
        "*.com",
        "https://images.example.com",
        "images.example.com/cats",
        "a b",
        ":80",
        "host:0",
        "host:http",
        "[::1"
      })
  void refusesWhatNamesNoHost(String entry) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MediaHosts.of(List.of(entry)))
        .withMessageContaining(entry);
  }
}
