package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Knows one key, the test server's; records every key presented. */
final class FakeAuthenticateUseCase implements AuthenticateUseCase {
  static final Principal CALLER =
      new Principal(
          new KeyId("testkey1"),
          "test key",
          Optional.of("app"),
          Optional.of("dept"),
          Optional.of("project"),
          Plan.unlimited("test"),
          Set.of());

  final List<Optional<ApiKeySecret>> presented = new CopyOnWriteArrayList<>();

  @Override
  public Principal authenticate(Optional<ApiKeySecret> key) {
    presented.add(key);
    if (key.isEmpty()) {
      throw new Unauthorized(Unauthorized.Reason.MISSING_KEY);
    }
    if (!key.get().value().equals(TestServer.KEY)) {
      throw new Unauthorized(Unauthorized.Reason.INVALID_KEY);
    }
    return CALLER;
  }
}
