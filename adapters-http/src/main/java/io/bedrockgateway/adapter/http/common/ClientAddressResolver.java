package io.bedrockgateway.adapter.http.common;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Finds the caller's IP: the socket peer, unless that peer is a trusted proxy, in which case the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy. Entries left of that
 * one were written by whoever called the first proxy and cannot be believed.
 */
public final class ClientAddressResolver {
  private final List<IpRange> trustedProxies;

  public ClientAddressResolver(List<String> trustedProxies) {
    this.trustedProxies = trustedProxies.stream().map(IpRange::parse).toList();
  }

  /**
   * @param peer the socket's remote address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in the order received
   */
  public Optional<String> resolve(String peer, List<String> forwardedFor) {
    if (peer == null || peer.isBlank()) {
      return Optional.empty();
    }
    Optional<InetAddress> peerAddress = IpRange.parseAddress(peer);
    if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
      return Optional.of(peer);
    }
    List<String> hops =
        forwardedFor.stream()
            .flatMap(header -> List.of(header.split(",")).stream())
            .map(String::strip)
            .toList();
    InetAddress client = peerAddress.get();
    for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
      Optional<InetAddress> hop = IpRange.parseAddress(hops.get(i));
      if (hop.isEmpty()) {
        break;
      }
      client = hop.get();
    }
    return Optional.of(client.getHostAddress());
  }

  private boolean isTrusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(range -> range.contains(address));
  }
}
