package io.bedrockgateway.domain.quota;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifies one admission. Request ids may come from clients and repeat; a reservation id never
 * does, so counters can tell two admissions of the same request id apart.
 */
public record ReservationId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

  public ReservationId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a reservation id is 1 to 64 letters, digits or dashes");
    }
  }

  public static ReservationId generate() {
    return new ReservationId(UUID.randomUUID().toString());
  }

  @Override
  public String toString() {
    return value;
  }
}
