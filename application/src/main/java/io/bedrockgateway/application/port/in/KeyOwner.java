package io.bedrockgateway.application.port.in;

import java.util.Objects;
import java.util.Optional;

/** Who a key belongs to, as its usage is billed and audited. */
public record KeyOwner(
    String name,
    Optional<String> application,
    Optional<String> department,
    Optional<String> project) {
  private static final int MAX_LENGTH = 200;

  public KeyOwner {
    requireLabel("name", name);
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(project, "project");
    application.ifPresent(value -> requireLabel("application", value));
    department.ifPresent(value -> requireLabel("department", value));
    project.ifPresent(value -> requireLabel("project", value));
  }

  private static void requireLabel(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(field + ": must be 1 to " + MAX_LENGTH + " characters");
    }
  }
}
