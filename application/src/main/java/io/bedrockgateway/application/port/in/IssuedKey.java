package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
import java.util.Objects;

/** A key just made: what was stored, and the plain key, to be handed over once. */
public record IssuedKey(ApiKeyRecord record, ApiKeySecret plainKey) {
  public IssuedKey {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(plainKey, "plainKey");
  }
}
