package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticateServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final ApiKeySecret KEY = new ApiKeySecret("bgw_test_0123456789abcdef");

  private final Principal principal = TestPrincipals.unlimited();
  private final RecordingMetrics metrics = new RecordingMetrics();

  @Test
  void aKnownKeyIsItsPrincipal() {
    AuthenticateService service = service(ApiKeyRecord.active(KEY.hash(), principal));

    assertThat(service.authenticate(Optional.of(KEY))).isEqualTo(principal);
  }

  @Test
  void noKeyIsMissing() {
    assertThatThrownBy(() -> service().authenticate(Optional.empty()))
        .isInstanceOfSatisfying(
            Unauthorized.class,
            failure -> assertThat(failure.reason()).isEqualTo(Unauthorized.Reason.MISSING_KEY));
  }

  @Test
  void anUnknownKeyIsInvalid() {
    AuthenticateService service = service(ApiKeyRecord.active(KEY.hash(), principal));

    assertThatThrownBy(
            () -> service.authenticate(Optional.of(new ApiKeySecret("bgw_test_unknown0000000"))))
        .isInstanceOfSatisfying(
            Unauthorized.class,
            failure -> assertThat(failure.reason()).isEqualTo(Unauthorized.Reason.INVALID_KEY));
  }

  @Test
  void aRevokedKeyIsInvalid() {
    ApiKeyRecord revoked = ApiKeyRecord.active(KEY.hash(), principal).revoked(NOW.minusSeconds(1));

    assertThatThrownBy(() -> service(revoked).authenticate(Optional.of(KEY)))
        .isInstanceOf(Unauthorized.class);
  }

  @Test
  void refusalsAreCountedByReasonAndAcceptedKeysNot() {
    AuthenticateService service = service(ApiKeyRecord.active(KEY.hash(), principal));

    service.authenticate(Optional.of(KEY));
    for (Optional<ApiKeySecret> refused :
        List.of(Optional.<ApiKeySecret>empty(), Optional.of(new ApiKeySecret("bgw_test_nope")))) {
      assertThatThrownBy(() -> service.authenticate(refused)).isInstanceOf(Unauthorized.class);
    }

    assertThat(metrics.unauthenticated).containsExactly("missing_api_key", "invalid_api_key");
  }

  private AuthenticateService service(ApiKeyRecord... keys) {
    return new AuthenticateService(new KeysByHash(keys), metrics, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
