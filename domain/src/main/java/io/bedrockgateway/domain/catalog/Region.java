package io.bedrockgateway.domain.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/** An AWS region name, e.g. {@code us-west-2}. */
public record Region(String name) {
  private static final Pattern FORMAT = Pattern.compile("[a-z]{2}(-[a-z0-9]+)+");

  public Region {
    Objects.requireNonNull(name, "name");
    if (!FORMAT.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a region is an AWS region name such as us-east-1, not '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
