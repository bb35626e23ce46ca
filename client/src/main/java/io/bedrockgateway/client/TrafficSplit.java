package io.bedrockgateway.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which routing keys go to the gateway at a percentage. A key's bucket is the first 8 bytes of the
 * SHA-256 of its UTF-8 bytes, read as an unsigned big-endian number, modulo 100; the key goes to
 * the gateway when its bucket is below the percentage. The bucket depends on the key alone: the
 * same in every process, instance and language (Python: {@code
 * int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") % 100}), and a key on the
 * gateway at 5 % stays on it at 25 % and 100 %.
 */
public final class TrafficSplit {
  private final boolean useGateway;
  private final int percentage;

  public TrafficSplit(boolean useGateway, int percentage) {
    if (percentage < 0 || percentage > 100) {
      throw new IllegalArgumentException(
          "GATEWAY_TRAFFIC_PERCENTAGE must be 0..100, was " + percentage);
    }
    this.useGateway = useGateway;
    this.percentage = percentage;
  }

  /** The path a call for {@code routingKey} takes, and why. */
  public Route decide(String routingKey) {
    int bucket = bucket(routingKey);
    if (!useGateway) {
      return Route.decided(Path.DIRECT, RouteReason.GATEWAY_OFF, bucket);
    }
    return bucket < percentage
        ? Route.decided(Path.GATEWAY, RouteReason.IN_GATEWAY_SHARE, bucket)
        : Route.decided(Path.DIRECT, RouteReason.OUTSIDE_GATEWAY_SHARE, bucket);
  }

  /** The routing key's bucket, 0..99. */
  public static int bucket(String routingKey) {
    if (routingKey == null || routingKey.isEmpty()) {
      throw new IllegalArgumentException("a routing key (a user or session id) is required");
    }
    byte[] digest = sha256().digest(routingKey.getBytes(StandardCharsets.UTF_8));
    return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest, 0, 8).getLong(), 100);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
