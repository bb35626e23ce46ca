package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyHash;
import io.bedrockgateway.domain.key.Principal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Turns a presented API key into the principal it belongs to, or refuses it. */
final class Authenticator {
  private final KeyStore keyStore;
  private final Clock clock;

  Authenticator(KeyStore keyStore, Clock clock) {
    this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  Principal authenticate(Optional<ApiKeySecret> apiKey) {
    ApiKeySecret presented =
        apiKey.orElseThrow(() -> new Unauthorized(Unauthorized.Reason.MISSING_KEY));
    return identify(presented).orElseThrow(() -> new Unauthorized(Unauthorized.Reason.INVALID_KEY));
  }

  /** The principal of a known, usable key; empty for any other key. */
  Optional<Principal> identify(ApiKeySecret presented) {
    KeyHash hash = presented.hash();
    return keyStore
        .findByHash(hash)
        .filter(stored -> stored.hash().matches(hash))
        .filter(stored -> stored.isUsableAt(clock.instant()))
        .map(stored -> stored.principal());
  }
}
