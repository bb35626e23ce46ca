package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.MediaUrl;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RemoteImageSource} does: the bytes of each URL in order, and a refusal naming
 * the URL for an image that is not there, is no image, or is larger than the limit. Each adapter's
 * test supplies a place that serves images to it.
 */
public abstract class RemoteImageSourceContract {
  /** A PNG signature and the start of its header: what an image's first bytes look like. */
  public static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  public static final long LIMIT = 1_024;

  /** Images served to the source under test, which fetches at most {@link #LIMIT} bytes each. */
  protected interface Images {
    /** Serves {@code body} as {@code contentType} under {@code name}; its URL. */
    MediaUrl serve(String name, String contentType, byte[] body);

    /** A URL of the same host where nothing is served. */
    MediaUrl missing(String name);

    RemoteImageSource source();
  }

  protected abstract Images images();

  @Test
  void fetchesTheBytesOfEveryUrlInTheirOrder() {
    Images images = images();
    byte[] second = Arrays.copyOf(PNG, 600);
    second[599] = 7;
    MediaUrl first = images.serve("first.png", "image/png", PNG);
    MediaUrl other = images.serve("second.png", "image/png", second);

    assertThat(images.source().fetch(List.of(other, first, other)))
        .containsExactly(new BinaryData(second), new BinaryData(PNG), new BinaryData(second));
  }

  @Test
  void fetchesNothingForNoUrls() {
    assertThat(images().source().fetch(List.of())).isEmpty();
  }

  @Test
  void takesAnImageOfExactlyTheLimit() {
    Images images = images();
    byte[] full = Arrays.copyOf(PNG, (int) LIMIT);

    assertThat(images.source().fetch(List.of(images.serve("full.png", "image/png", full))))
        .containsExactly(new BinaryData(full));
  }

  @Test
  void refusesAnImageLargerThanTheLimitNamingItsUrl() {
    Images images = images();
    MediaUrl large = images.serve("large.png", "image/png", Arrays.copyOf(PNG, (int) LIMIT + 1));

    assertThatThrownBy(() -> images.source().fetch(List.of(large)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(large.toString())
        .hasMessageContaining("larger than the " + LIMIT + " bytes");
  }

  @Test
  void refusesAnImageThatIsNotThere() {
    Images images = images();
    MediaUrl served = images.serve("here.png", "image/png", PNG);
    MediaUrl missing = images.missing("gone.png");

    assertThatThrownBy(() -> images.source().fetch(List.of(served, missing)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("404");
  }

  @Test
  void refusesWhatIsSentAsSomethingElseThanAnImage() {
    Images images = images();
    MediaUrl page = images.serve("page.png", "text/html; charset=utf-8", PNG);

    assertThatThrownBy(() -> images.source().fetch(List.of(page)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(page.toString())
        .hasMessageContaining("text/html");
  }
}
