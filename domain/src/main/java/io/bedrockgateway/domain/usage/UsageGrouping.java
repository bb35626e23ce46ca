package io.bedrockgateway.domain.usage;

import io.bedrockgateway.domain.key.Principal;
import java.time.ZoneOffset;
import java.util.Optional;

/** What a usage report totals by. */
public enum UsageGrouping {
  KEY("key"),
  MODEL("model"),
  DEPARTMENT("department"),
  PROJECT("project"),
  /** The UTC calendar day, as {@code 2026-11-24}. */
  DAY("day");

  private final String wireName;

  UsageGrouping(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<UsageGrouping> fromWireName(String name) {
    for (UsageGrouping grouping : values()) {
      if (grouping.wireName.equals(name)) {
        return Optional.of(grouping);
      }
    }
    return Optional.empty();
  }

  /** The group {@code event} belongs to; empty when the event lacks it (e.g. no key was sent). */
  public Optional<String> groupOf(UsageEvent event) {
    Optional<Principal> principal = event.principal();
    return switch (this) {
      case KEY -> principal.map(owner -> owner.keyId().value());
      case MODEL -> event.servedModel().or(event::requestedModel).map(model -> model.value());
      case DEPARTMENT -> principal.flatMap(Principal::department);
      case PROJECT -> principal.flatMap(Principal::project);
      case DAY ->
          Optional.of(
              event.context().receivedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    };
  }
}
