package io.bedrockgateway.adapter.http.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One IP address or CIDR block, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}. */
public record IpRange(InetAddress network, int prefixLength) {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public IpRange {
    Objects.requireNonNull(network, "network");
    if (prefixLength < 0 || prefixLength > bits(network)) {
      throw new IllegalArgumentException("prefix length out of range for " + network);
    }
  }

  /** Parses {@code address} or {@code address/prefix}. */
  public static IpRange parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    InetAddress network =
        parseAddress(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR: " + text));
    if (slash < 0) {
      return new IpRange(network, bits(network));
    }
    try {
      return new IpRange(network, Integer.parseInt(text.substring(slash + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an IP address or CIDR: " + text, e);
    }
  }

  /**
   * An IP literal, optionally in brackets; never a host name, so parsing can never trigger a DNS
   * lookup.
   */
  public static Optional<InetAddress> parseAddress(String text) {
    String literal =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    byte[] prefix = network.getAddress();
    if (candidate.length != prefix.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != prefix[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = 0xFF << (8 - remainingBits);
    return (candidate[fullBytes] & mask) == (prefix[fullBytes] & mask);
  }

  private static int bits(InetAddress address) {
    return address.getAddress().length * 8;
  }
}
