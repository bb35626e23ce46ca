package io.bedrockgateway.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.plan.Plan;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyHashTest {

  @Test
  void isTheSha256OfTheWholeKey() {
    assertThat(KeyHash.of("abc").hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void matchesOnlyTheSameHash() {
    assertThat(KeyHash.of("k1").matches(KeyHash.of("k1"))).isTrue();
    assertThat(KeyHash.of("k1").matches(KeyHash.of("k2"))).isFalse();
  }

  @Test
  void neverPrintsTheSecretOrTheWholeHash() {
    ApiKeySecret secret = new ApiKeySecret("bgw_super_secret");

    assertThat(secret.toString()).doesNotContain("super_secret");
    assertThat(secret.hash().toString()).doesNotContain(secret.hash().hex());
  }

  @Test
  void aRevokedOrExpiredKeyIsNotUsable() {
    ApiKeyRecord active =
        ApiKeyRecord.configured(
            new ApiKeySecret("k1"), new KeyId("configured"), Plan.unlimited("default"));
    Instant now = Instant.parse("2026-11-24T12:00:00Z");

    ApiKeyRecord revoked = active.revoked(now.minusSeconds(1));
    ApiKeyRecord expired = active.withExpiry(Optional.of(now));

    assertThat(active.isUsableAt(now)).isTrue();
    assertThat(revoked.isUsableAt(now)).isFalse();
    assertThat(expired.isUsableAt(now)).isFalse();
  }

  @Test
  void aRevocationIsNeverPostponedAndARotatedKeyRetiresByItsDeadline() {
    ApiKeyRecord active =
        ApiKeyRecord.configured(
            new ApiKeySecret("k1"), new KeyId("configured"), Plan.unlimited("default"));
    Instant now = Instant.parse("2026-11-24T12:00:00Z");

    assertThat(active.revoked(now).revoked(now.plusSeconds(60)).revokedAt()).contains(now);
    ApiKeyRecord retiring = active.retiringBy(now.plusSeconds(60));
    assertThat(retiring.isUsableAt(now.plusSeconds(59))).isTrue();
    assertThat(retiring.isUsableAt(now.plusSeconds(60))).isFalse();
    assertThat(active.withExpiry(Optional.of(now)).retiringBy(now.plusSeconds(60)).expiresAt())
        .contains(now);
  }

  @Test
  void aGeneratedKeyCarriesItsPublicId() {
    assertThat(new ApiKeySecret("bgw_AbC123_s3cret").embeddedKeyId()).contains(new KeyId("AbC123"));
    assertThat(new ApiKeySecret("team-a-key").embeddedKeyId()).isEmpty();
  }
}
