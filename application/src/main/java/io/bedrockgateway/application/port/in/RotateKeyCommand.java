package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.key.KeyId;
import java.time.Duration;
import java.util.Objects;

/** Replace key {@code id} by a new one; the old one keeps working for {@code grace}. */
public record RotateKeyCommand(KeyId id, Duration grace) {
  public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
  public static final Duration MAX_GRACE = Duration.ofDays(30);

  public RotateKeyCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw new IllegalArgumentException("grace: must be from 0 to 30 days");
    }
  }
}
