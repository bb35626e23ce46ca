package io.bedrockgateway.domain.key;

import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A stored API key: its hash, never the key itself.
 *
 * @param principal who the key belongs to; its plan is the named plan with {@code overrides}
 *     applied
 * @param overrides the key's own limits, kept apart so the plan can be resolved again
 * @param createdAt absent for keys configured as plain text, which have no creation
 * @param rotatedFrom the key this one replaced, if it was made by a rotation
 */
public record ApiKeyRecord(
    KeyHash hash,
    Principal principal,
    PlanOverrides overrides,
    Optional<Instant> createdAt,
    Optional<Instant> expiresAt,
    Optional<Instant> revokedAt,
    Optional<Rotation> rotatedFrom) {

  public ApiKeyRecord {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(overrides, "overrides");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(rotatedFrom, "rotatedFrom");
  }

  public static ApiKeyRecord active(KeyHash hash, Principal principal) {
    return new ApiKeyRecord(
        hash,
        principal,
        PlanOverrides.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A key configured as plain text (the {@code API_KEYS} list): kept by hash, under an id that
   * never reveals the key (the configuration derives it with a secret of the server's).
   */
  public static ApiKeyRecord configured(ApiKeySecret key, KeyId id, Plan plan) {
    KeyHash hash = key.hash();
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

  public KeyId keyId() {
    return principal.keyId();
  }

  public boolean isUsableAt(Instant now) {
    return revokedAt.map(revoked -> revoked.isAfter(now)).orElse(true)
        && expiresAt.map(expires -> expires.isAfter(now)).orElse(true);
  }

  /** Revoked at {@code at}, unless it was revoked earlier already. */
  public ApiKeyRecord revoked(Instant at) {
    Instant revocation = revokedAt.filter(earlier -> earlier.isBefore(at)).orElse(at);
    return new ApiKeyRecord(
        hash, principal, overrides, createdAt, expiresAt, Optional.of(revocation), rotatedFrom);
  }

  /** Expiring no later than {@code deadline}: what a rotation does to the key it replaces. */
  public ApiKeyRecord retiringBy(Instant deadline) {
    Instant expiry = expiresAt.filter(earlier -> earlier.isBefore(deadline)).orElse(deadline);
    return new ApiKeyRecord(
        hash, principal, overrides, createdAt, Optional.of(expiry), revokedAt, rotatedFrom);
  }

  public ApiKeyRecord withPrincipal(Principal newPrincipal, PlanOverrides newOverrides) {
    return new ApiKeyRecord(
        hash, newPrincipal, newOverrides, createdAt, expiresAt, revokedAt, rotatedFrom);
  }

  public ApiKeyRecord withExpiry(Optional<Instant> newExpiry) {
    return new ApiKeyRecord(
        hash, principal, overrides, createdAt, newExpiry, revokedAt, rotatedFrom);
  }
}
