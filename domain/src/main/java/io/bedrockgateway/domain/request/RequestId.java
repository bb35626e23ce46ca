package io.bedrockgateway.domain.request;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one request end to end: in responses, logs and the usage record. */
public record RequestId(String value) {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  public RequestId {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a request id is 1 to 128 of [A-Za-z0-9._:-]");
    }
  }

  public static RequestId generate() {
    return new RequestId(UUID.randomUUID().toString());
  }

  /** A client-supplied id if it is well-formed, else a new one. */
  public static RequestId acceptOrGenerate(String candidate) {
    return Optional.ofNullable(candidate)
        .filter(value -> FORMAT.matcher(value).matches())
        .map(RequestId::new)
        .orElseGet(RequestId::generate);
  }

  @Override
  public String toString() {
    return value;
  }
}
