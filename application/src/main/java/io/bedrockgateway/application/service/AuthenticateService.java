package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.Principal;
import java.time.Clock;
import java.util.Optional;

/** Authenticates against the key store (configured keys first, then managed ones). */
public final class AuthenticateService implements AuthenticateUseCase {
  private final Authenticator authenticator;

  public AuthenticateService(KeyStore keys, Clock clock) {
    this.authenticator = new Authenticator(keys, clock);
  }

  @Override
  public Principal authenticate(Optional<ApiKeySecret> presented) {
    return authenticator.authenticate(presented);
  }
}
