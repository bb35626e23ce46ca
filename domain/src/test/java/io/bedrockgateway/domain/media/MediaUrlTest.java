package io.bedrockgateway.domain.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaUrlTest {

  @ParameterizedTest
  @CsvSource({
    "https://Images.Example.com/cat.png, images.example.com, 443, true",
    "https://images.example.com./cat.png, images.example.com, 443, true",
    "http://127.0.0.1:8080/cat.png?size=2, 127.0.0.1, 8080, false",
    "https://[::1]:8443/cat.png, ::1, 8443, true"
  })
  void namesItsHostAndPort(String text, String host, int port, boolean secure) {
    MediaUrl url = MediaUrl.parse(text);

    assertThat(url.host()).isEqualTo(host);
    assertThat(url.port()).isEqualTo(port);
    assertThat(url.secure()).isEqualTo(secure);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://images.example.com/cat.png | must be an https:// URL",
        "file:///etc/passwd | must be an https:// URL",
        "/cat.png | must be an https:// URL",
        "https:///cat.png | must name a host",
        "https://images.example.com:99999/cat.png | must name a port",
        "https://images.example.com:0/cat.png | must name a port",
        "https://under_score.example.com/cat.png | must name a host",
        "https://user:secret@images.example.com/cat.png | must not carry credentials",
        "https://images.example.com/a b.png | not a well-formed URL"
      })
  void refusesWhatIsNoFetchableUrl(String text, String complaint) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> MediaUrl.parse(text))
        .withMessageContaining(complaint);
  }

  @org.junit.jupiter.api.Test
  void refusesAnOverlongUrl() {
    String text = "https://images.example.com/" + "a".repeat(MediaUrl.MAX_LENGTH);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> MediaUrl.parse(text))
        .withMessageContaining("at most " + MediaUrl.MAX_LENGTH);
  }
}
