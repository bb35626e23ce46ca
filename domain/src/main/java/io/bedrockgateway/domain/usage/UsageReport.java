package io.bedrockgateway.domain.usage;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The answer to a {@link UsageQuery}: a row per group (ordered by group), the overall totals, and
 * how many distinct keys and client addresses made the requests.
 */
public record UsageReport(
    UsageQuery query,
    List<UsageGroup> groups,
    UsageTotals total,
    long uniqueKeys,
    long uniqueClients) {
  public UsageReport {
    Objects.requireNonNull(query, "query");
    groups = List.copyOf(groups);
    Objects.requireNonNull(total, "total");
    if (uniqueKeys < 0 || uniqueClients < 0) {
      throw new IllegalArgumentException("unique counts must not be negative");
    }
  }

  /** Totals {@code events} that the query covers, the way a store without aggregation would. */
  public static UsageReport tally(UsageQuery query, Collection<UsageEvent> events) {
    List<UsageEvent> covered = events.stream().filter(query::covers).toList();
    Map<Optional<String>, UsageTotals> byGroup = new TreeMap<>(GROUP_ORDER);
    covered.forEach(
        event ->
            byGroup.merge(
                query.groupBy().groupOf(event), UsageTotals.of(event), UsageTotals::plus));
    return new UsageReport(
        query,
        byGroup.entrySet().stream()
            .map(entry -> new UsageGroup(entry.getKey(), entry.getValue()))
            .toList(),
        covered.stream().map(UsageTotals::of).reduce(UsageTotals.NONE, UsageTotals::plus),
        covered.stream()
            .flatMap(event -> event.principal().stream())
            .map(owner -> owner.keyId())
            .collect(Collectors.toSet())
            .size(),
        covered.stream()
            .flatMap(event -> event.context().clientIp().stream())
            .collect(Collectors.toSet())
            .size());
  }

  /** Requests without the group first, then by group. */
  public static final Comparator<Optional<String>> GROUP_ORDER =
      Comparator.comparing(
          (Optional<String> group) -> group.orElse(null),
          Comparator.nullsFirst(Comparator.naturalOrder()));
}
