package io.bedrockgateway.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's prompt cache, deterministic: the first request whose prompt up to its last {@code
 * cachePoint} (tools, system, messages, in that order) the emulator sees writes that prefix to the
 * cache; every later request to the same model with the same prefix reads it. Nothing expires while
 * the emulator runs, and no minimum prefix length applies; past {@value #MAX_PREFIXES} prefixes the
 * cache starts empty again.
 */
final class PromptCache {
  static final int MAX_PREFIXES = 10_000;

  /** The prompt-cache tokens of one request's usage. */
  record Use(int readTokens, int writeTokens) {
    static final Use NONE = new Use(0, 0);
  }

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  Use use(String modelId, Optional<ConverseRequest.CachedPrefix> prefix) {
    if (prefix.isEmpty() || prefix.get().tokens() == 0) {
      return Use.NONE;
    }
    if (seen.size() >= MAX_PREFIXES) {
      seen.clear();
    }
    String key = sha256(modelId + "\n" + prefix.get().content());
    return seen.add(key) ? new Use(0, prefix.get().tokens()) : new Use(prefix.get().tokens(), 0);
  }

  void clear() {
    seen.clear();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
