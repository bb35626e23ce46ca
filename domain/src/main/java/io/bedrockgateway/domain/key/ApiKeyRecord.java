package io.bedrockgateway.domain.key;

import io.bedrockgateway.domain.plan.Plan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

  /**
   * A key configured as plain text (the {@code API_KEYS} list): stored by hash, with an id derived
   * from the hash so that it never reveals the key.
   */
  public static ApiKeyRecord configured(ApiKeySecret key, Plan plan) {
    KeyHash hash = key.hash();
    KeyId id = hash.derivedKeyId();
    Principal principal =
        new Principal(
            id,
            "configured-" + id,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            plan,
            Set.of());
    return active(hash, principal);
  }

  public boolean isUsableAt(Instant now) {
    return revokedAt.map(revoked -> revoked.isAfter(now)).orElse(true)
        && expiresAt.map(expires -> expires.isAfter(now)).orElse(true);
  }
}
