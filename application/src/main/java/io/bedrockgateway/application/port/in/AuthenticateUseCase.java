package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.Principal;
import java.util.Optional;

/**
 * Recognises the caller from the key it presented, before anything else about its request is read:
 * every other use case takes the principal this returns.
 */
public interface AuthenticateUseCase {
  /**
   * The principal of a known, usable key; {@link io.bedrockgateway.domain.error.Unauthorized} when
   * no key was presented or the key is unknown, revoked or expired.
   */
  Principal authenticate(Optional<ApiKeySecret> presented);
}
