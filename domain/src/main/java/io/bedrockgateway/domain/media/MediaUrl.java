package io.bedrockgateway.domain.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an image a client names by address is: an absolute {@code https://} (or {@code http://})
 * URL with a host, without credentials, at most {@value #MAX_LENGTH} characters. Whether the
 * gateway may fetch it is {@link RemoteMediaPolicy}'s call.
 */
public record MediaUrl(URI uri) {
  public static final int MAX_LENGTH = 2_048;

  public MediaUrl {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("must be an https:// URL or a data: URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("must name a host");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65_535) {
      throw new IllegalArgumentException("must name a port from 1 to 65535");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must not carry credentials");
    }
    if (uri.toString().length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
  }

  /** {@code text} as a URL; a malformed one is refused as the guard clauses refuse. */
  public static MediaUrl parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
    }
    try {
      return new MediaUrl(new URI(text));
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("is not a well-formed URL");
    }
  }

  /** The host, in lower case, without the brackets of an IPv6 literal. */
  public String host() {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  public boolean secure() {
    return uri.getScheme().equalsIgnoreCase("https");
  }

  /** The port the URL names, or its scheme's default. */
  public int port() {
    return uri.getPort() != -1 ? uri.getPort() : secure() ? 443 : 80;
  }

  @Override
  public String toString() {
    return uri.toString();
  }
}
