package io.bedrockgateway.domain.media;

import java.util.Objects;
import java.util.Optional;

/**
 * Which images the gateway fetches on a client's behalf: only from the hosts an operator listed,
 * over HTTPS unless plain HTTP is allowed too, and at most {@code maxImages} in one request. With
 * no hosts listed (the default) it fetches nothing.
 *
 * @param plainHttp whether {@code http://} URLs may be fetched (for a test server on the loopback
 *     interface; never needed in production)
 */
public record RemoteMediaPolicy(MediaHosts hosts, boolean plainHttp, int maxImages) {
  /** The most images one request may name by URL. */
  public static final int MAX_IMAGES_LIMIT = 100;

  public static final int DEFAULT_MAX_IMAGES = 20;

  /** Fetches nothing. */
  public static final RemoteMediaPolicy NONE =
      new RemoteMediaPolicy(MediaHosts.NONE, false, DEFAULT_MAX_IMAGES);

  public RemoteMediaPolicy {
    Objects.requireNonNull(hosts, "hosts");
    if (maxImages < 1 || maxImages > MAX_IMAGES_LIMIT) {
      throw new IllegalArgumentException(
          "maxImages must be from 1 to " + MAX_IMAGES_LIMIT + ", got " + maxImages);
    }
  }

  /** Whether any URL at all may be fetched. */
  public boolean fetchesAny() {
    return !hosts.isEmpty();
  }

  /** Why {@code url} may not be fetched, or empty when it may. */
  public Optional<String> refusal(MediaUrl url) {
    if (!fetchesAny()) {
      return Optional.of(
          "the gateway fetches no image URL; send the bytes as a data: URL"
              + " (an operator can allow image hosts with REMOTE_MEDIA_HOSTS)");
    }
    if (!url.secure() && !plainHttp) {
      return Optional.of("the gateway fetches images over https:// only");
    }
    if (!hosts.permits(url)) {
      return Optional.of(
          "the gateway fetches images only from the hosts its operator allowed"
              + " (REMOTE_MEDIA_HOSTS), and "
              + url.host()
              + (url.port() == (url.secure() ? 443 : 80) ? "" : ":" + url.port())
              + " is not one of them; send the bytes as a data: URL");
    }
    return Optional.empty();
  }
}
