package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyId;
import java.util.List;

/**
 * An operator's work on API keys. Unknown keys are {@link io.bedrockgateway.domain.error.NotFound};
 * invalid changes (an unknown plan, a revoked key to rotate) are {@link
 * io.bedrockgateway.domain.error.InvalidRequest}.
 */
public interface ManageKeysUseCase {
  /** A new key; the plain key in the answer is shown this once and stored nowhere. */
  IssuedKey create(CreateKeyCommand command);

  List<ApiKeyRecord> list();

  ApiKeyRecord get(KeyId id);

  ApiKeyRecord update(UpdateKeyCommand command);

  /** Stops the key at once (on other instances within the key cache's lifetime). */
  ApiKeyRecord revoke(KeyId id);

  /** A successor with the same owner and plan; the old key keeps working until the grace ends. */
  IssuedKey rotate(RotateKeyCommand command);
}
