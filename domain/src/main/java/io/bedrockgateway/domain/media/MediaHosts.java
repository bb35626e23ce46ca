package io.bedrockgateway.domain.media;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hosts an operator lets the gateway fetch images from: each entry a host name ({@code
 * images.example.com}), every subdomain of one ({@code *.example.com}, not {@code example.com}
 * itself), or an IP address; with {@code :port} for a port other than the scheme's default. A URL
 * on another port of a listed host is not permitted. No entry permits everything.
 */
public final class MediaHosts {
  /** Letters, digits, hyphens and dots (IPv4 included); or an IPv6 literal in brackets. */
  private static final Pattern NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

  private final List<Entry> entries;

  private MediaHosts(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static final MediaHosts NONE = new MediaHosts(List.of());

  /** The hosts of {@code entries}; an entry that names no host is refused, saying which. */
  public static MediaHosts of(List<String> entries) {
    Objects.requireNonNull(entries, "entries");
    return new MediaHosts(entries.stream().map(MediaHosts::entry).toList());
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether {@code url}'s host and port are listed. */
  public boolean permits(MediaUrl url) {
    return entries.stream().anyMatch(entry -> entry.matches(url));
  }

  /** The entries, as an operator would write them. */
  public List<String> entries() {
    return entries.stream().map(Entry::toString).toList();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MediaHosts hosts && entries.equals(hosts.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return String.join(",", entries());
  }

  private record Entry(String host, boolean subdomains, int port) {
    boolean matches(MediaUrl url) {
      String candidate = url.host();
      boolean hostMatches = subdomains ? candidate.endsWith("." + host) : candidate.equals(host);
      int defaultPort = url.secure() ? 443 : 80;
      return hostMatches && url.port() == (port == -1 ? defaultPort : port);
    }

    @Override
    public String toString() {
      return (subdomains ? "*." : "")
          + (host.contains(":") ? "[" + host + "]" : host)
          + (port == -1 ? "" : ":" + port);
    }
  }

  private static Entry entry(String written) {
    String entry = Objects.requireNonNull(written, "entry").strip().toLowerCase(Locale.ROOT);
    String refusal = "'" + written + "' is not a host name, *.domain or IP address (with :port)";
    int port = -1;
    String host = entry;
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      if (end < 0) {
        throw new IllegalArgumentException(refusal);
      }
      String rest = host.substring(end + 1);
      host = host.substring(1, end);
      if (!IPV6.matcher(host).matches()) {
        throw new IllegalArgumentException(refusal);
      }
      if (!rest.isEmpty()) {
        port = port(rest.startsWith(":") ? rest.substring(1) : "", refusal);
      }
      return new Entry(host, false, port);
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      port = port(host.substring(colon + 1), refusal);
      host = host.substring(0, colon);
    }
    boolean subdomains = host.startsWith("*.");
    if (subdomains) {
      host = host.substring(2);
    }
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!NAME.matcher(host).matches() || (subdomains && !host.contains("."))) {
      // "*.com" would let in every host of a top-level domain
      throw new IllegalArgumentException(refusal);
    }
    return new Entry(host, subdomains, port);
  }

  private static int port(String text, String refusal) {
    try {
      int port = Integer.parseInt(text);
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(refusal);
      }
      return port;
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(refusal);
    }
  }
}
