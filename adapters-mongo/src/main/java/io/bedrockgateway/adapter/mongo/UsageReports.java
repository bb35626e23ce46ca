package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.adapter.mongo.UsageDocuments.CLIENT_IP;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DAY;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DEPARTMENT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.KEY_ID;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.MODEL;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.PROJECT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.TIME;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import io.bedrockgateway.domain.usage.UsageTotals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Answers usage queries by aggregating the raw events in MongoDB. */
final class UsageReports {
  private static final String ID = "_id";

  private final MongoCollection<Document> events;

  UsageReports(MongoCollection<Document> events) {
    this.events = events;
  }

  UsageReport report(UsageQuery query) {
    Bson covered = covered(query);
    List<UsageGroup> groups = new ArrayList<>();
    for (Document row : aggregate(covered, "$" + field(query.groupBy()))) {
      groups.add(
          new UsageGroup(
              Optional.ofNullable(row.get(ID)).map(Object::toString), UsageTotalsFields.read(row)));
    }
    groups.sort(Comparator.comparing(UsageGroup::group, UsageReport.GROUP_ORDER));
    UsageTotals total =
        aggregate(covered, null).stream()
            .findFirst()
            .map(UsageTotalsFields::read)
            .orElse(UsageTotals.NONE);
    return new UsageReport(
        query, groups, total, distinct(covered, KEY_ID), distinct(covered, CLIENT_IP));
  }

  private List<Document> aggregate(Bson covered, String groupBy) {
    return events
        .aggregate(
            List.of(
                Aggregates.match(covered),
                Aggregates.group(groupBy, UsageTotalsFields.accumulators())))
        .into(new ArrayList<>());
  }

  /** How many different non-empty values {@code field} takes. */
  private long distinct(Bson covered, String field) {
    return events
        .aggregate(List.of(Aggregates.match(covered), Aggregates.group("$" + field)))
        .into(new ArrayList<>())
        .stream()
        .filter(row -> row.get(ID) != null)
        .count();
  }

  private static Bson covered(UsageQuery query) {
    Bson period =
        Filters.and(
            Filters.gte(TIME, Date.from(query.from())), Filters.lt(TIME, Date.from(query.to())));
    return query
        .key()
        .map(key -> Filters.and(period, Filters.eq(KEY_ID, key.value())))
        .orElse(period);
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
