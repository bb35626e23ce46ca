package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.application.port.out.GatewayMetrics;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.Principal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Authenticates against the key store (configured keys first, then managed ones). */
public final class AuthenticateService implements AuthenticateUseCase {
  private final Authenticator authenticator;
  private final GatewayMetrics metrics;

  public AuthenticateService(KeyStore keys, GatewayMetrics metrics, Clock clock) {
    this.authenticator = new Authenticator(keys, clock);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Refusals are counted by reason, never stored one by one: they cost no storage. */
  @Override
  public Principal authenticate(Optional<ApiKeySecret> presented) {
    try {
      return authenticator.authenticate(presented);
    } catch (Unauthorized refused) {
      metrics.unauthenticated(refused.kind());
      throw refused;
    }
  }
}
