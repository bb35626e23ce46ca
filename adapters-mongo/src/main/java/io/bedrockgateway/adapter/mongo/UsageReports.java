package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.adapter.mongo.UsageDocuments.CLIENT_IP;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.CLIENT_REQUEST_ID;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DAY;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DEPARTMENT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.KEY_ID;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.MODEL;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.PROJECT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.TIME;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Filters;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import io.bedrockgateway.domain.usage.UsageTotals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Answers usage queries: from the raw events where they are all still kept, and from the daily
 * rollups for the days before that (raw events expire after the retention; rollups stay). Days
 * answered from rollups count whole (UTC), and their client addresses are not known, so {@code
 * uniqueClients} counts those of the raw part only. Nor do rollups keep request ids: a query for
 * one client request id is answered from the raw events alone.
 */
final class UsageReports {
  private static final String ID = "_id";

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> rollups;
  private final Clock clock;
  private final Duration retention;

  UsageReports(
      MongoCollection<Document> events,
      MongoCollection<Document> rollups,
      Clock clock,
      Duration retention) {
    this.events = events;
    this.rollups = rollups;
    this.clock = clock;
    this.retention = retention;
  }

  /** Totals, keys and clients of one part of the range, merged into the report. */
  private record Part(
      Map<Optional<String>, UsageTotals> groups,
      UsageTotals total,
      Set<String> keys,
      Set<String> clients) {
    static Part none() {
      return new Part(new TreeMap<>(UsageReport.GROUP_ORDER), UsageTotals.NONE, Set.of(), Set.of());
    }

    Part plus(Part other) {
      Map<Optional<String>, UsageTotals> merged = new TreeMap<>(UsageReport.GROUP_ORDER);
      merged.putAll(groups);
      other.groups.forEach((group, totals) -> merged.merge(group, totals, UsageTotals::plus));
      Set<String> allKeys = new HashSet<>(keys);
      allKeys.addAll(other.keys);
      Set<String> allClients = new HashSet<>(clients);
      allClients.addAll(other.clients);
      return new Part(merged, total.plus(other.total), allKeys, allClients);
    }
  }

  UsageReport report(UsageQuery query) {
    Instant rawFrom = firstCompleteRawDay().atStartOfDay(ZoneOffset.UTC).toInstant();
    Part answer = Part.none();
    // rollups keep no request ids: a client request id is looked for among the raw events only
    if (query.from().isBefore(rawFrom) && query.clientRequestId().isEmpty()) {
      LocalDate lastRolledUp = firstCompleteRawDay().minusDays(1);
      LocalDate lastAsked = LocalDate.ofInstant(query.to().minusNanos(1), ZoneOffset.UTC);
      answer =
          answer.plus(
              part(
                  rollups,
                  rollupFilter(
                      query,
                      LocalDate.ofInstant(query.from(), ZoneOffset.UTC),
                      lastAsked.isBefore(lastRolledUp) ? lastAsked : lastRolledUp),
                  query.groupBy(),
                  UsageTotalsFields.totalsOfTotals(),
                  false));
    }
    if (query.to().isAfter(rawFrom)) {
      Instant from = query.from().isBefore(rawFrom) ? rawFrom : query.from();
      answer =
          answer.plus(
              part(
                  events,
                  rawFilter(query, from, query.to()),
                  query.groupBy(),
                  UsageTotalsFields.accumulators(),
                  true));
    }
    List<UsageGroup> groups = new ArrayList<>();
    answer.groups().forEach((group, totals) -> groups.add(new UsageGroup(group, totals)));
    return new UsageReport(
        query, groups, answer.total(), answer.keys().size(), answer.clients().size());
  }

  /**
   * The first UTC day all of whose raw events are still kept; earlier days may have lost some to
   * the retention, and are answered from the rollups.
   */
  private LocalDate firstCompleteRawDay() {
    return LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC).plusDays(1);
  }

  private static Part part(
      MongoCollection<Document> collection,
      Bson filter,
      UsageGrouping grouping,
      List<BsonField> accumulators,
      boolean withClients) {
    Map<Optional<String>, UsageTotals> groups = new TreeMap<>(UsageReport.GROUP_ORDER);
    for (Document row : aggregate(collection, filter, "$" + field(grouping), accumulators)) {
      groups.put(
          Optional.ofNullable(row.get(ID)).map(Object::toString), UsageTotalsFields.read(row));
    }
    UsageTotals total =
        aggregate(collection, filter, null, accumulators).stream()
            .findFirst()
            .map(UsageTotalsFields::read)
            .orElse(UsageTotals.NONE);
    return new Part(
        groups,
        total,
        distinct(collection, filter, KEY_ID),
        withClients ? distinct(collection, filter, CLIENT_IP) : Set.of());
  }

  private static List<Document> aggregate(
      MongoCollection<Document> collection,
      Bson filter,
      String groupBy,
      List<BsonField> accumulators) {
    return collection
        .aggregate(List.of(Aggregates.match(filter), Aggregates.group(groupBy, accumulators)))
        .into(new ArrayList<>());
  }

  /** The different non-empty values {@code field} takes. */
  private static Set<String> distinct(
      MongoCollection<Document> collection, Bson filter, String field) {
    Set<String> values = new HashSet<>();
    for (Document row :
        collection
            .aggregate(List.of(Aggregates.match(filter), Aggregates.group("$" + field)))
            .into(new ArrayList<>())) {
      Optional.ofNullable(row.get(ID)).map(Object::toString).ifPresent(values::add);
    }
    return values;
  }

  /** The raw events of {@code [from, to)} the query covers: served by the time indexes. */
  static Bson rawFilter(UsageQuery query, Instant from, Instant to) {
    Bson period = Filters.and(Filters.gte(TIME, Date.from(from)), Filters.lt(TIME, Date.from(to)));
    Bson keyed =
        query.key().map(key -> Filters.and(Filters.eq(KEY_ID, key.value()), period)).orElse(period);
    return query
        .clientRequestId()
        .map(id -> Filters.and(Filters.eq(CLIENT_REQUEST_ID, id.value()), keyed))
        .orElse(keyed);
  }

  /** The rollups of days {@code first..last} the query covers: served by the day indexes. */
  static Bson rollupFilter(UsageQuery query, LocalDate first, LocalDate last) {
    Bson days = Filters.and(Filters.gte(DAY, first.toString()), Filters.lte(DAY, last.toString()));
    return query.key().map(key -> Filters.and(Filters.eq(KEY_ID, key.value()), days)).orElse(days);
  }

  private static String field(UsageGrouping grouping) {
    return switch (grouping) {
      case KEY -> KEY_ID;
      case MODEL -> MODEL;
      case DEPARTMENT -> DEPARTMENT;
      case PROJECT -> PROJECT;
      case DAY -> DAY;
    };
  }
}
