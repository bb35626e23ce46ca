package io.bedrockgateway.domain.key;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored API key: its hash, never the key itself. */
public record ApiKeyRecord(
    KeyHash hash, Principal principal, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {

  public ApiKeyRecord {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  public static ApiKeyRecord active(KeyHash hash, Principal principal) {
    return new ApiKeyRecord(hash, principal, Optional.empty(), Optional.empty());
  }

  public boolean isUsableAt(Instant now) {
    return revokedAt.map(revoked -> revoked.isAfter(now)).orElse(true)
        && expiresAt.map(expires -> expires.isAfter(now)).orElse(true);
  }
}
