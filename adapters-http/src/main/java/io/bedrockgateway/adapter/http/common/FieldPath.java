package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.error.InvalidRequest;
import java.util.function.Supplier;

/** Names the field a rejected value came from, e.g. {@code messages[1].role: ...}. */
public final class FieldPath {
  private FieldPath() {}

  /**
   * {@code construction}'s value; its guard clause's complaint as an {@link InvalidRequest} naming
   * {@code path}, and arithmetic that overflows (a budget of {@code 1e20} dollars) as a number out
   * of range.
   */
  public static <T> T at(String path, Supplier<T> construction) {
    try {
      return construction.get();
    } catch (IllegalArgumentException invalid) {
      throw new InvalidRequest(
          path.isEmpty() ? invalid.getMessage() : path + ": " + invalid.getMessage());
    } catch (ArithmeticException overflow) {
      throw new InvalidRequest((path.isEmpty() ? "body" : path) + ": the number is out of range");
    }
  }
}
