package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.adapter.mongo.UsageDocuments.APPLICATION;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DAY;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DEPARTMENT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.KEY_ID;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.KEY_NAME;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.MODEL;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.PROJECT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Totals per UTC day, key and model in {@code usage_daily}, kept after the raw events expire. A
 * day's rollups are recomputed from its raw events whenever events of that day were stored, so
 * replays and retries never count twice.
 */
final class DailyRollups {
  static final String COLLECTION = "usage_daily";
  static final String UPDATED_AT = "updated_at";

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> rollups;
  private final Clock clock;
  private final Duration retention;
  private final Set<String> dirtyDays = new TreeSet<>();

  DailyRollups(
      MongoCollection<Document> events,
      MongoCollection<Document> rollups,
      Clock clock,
      Duration retention) {
    this.events = events;
    this.rollups = rollups;
    this.clock = clock;
    this.retention = retention;
  }

  /** Notes the days of stored documents, to be recomputed. Called by one thread only. */
  void touched(List<Document> stored) {
    stored.forEach(document -> dirtyDays.add(document.getString(DAY)));
  }

  boolean pending() {
    return !dirtyDays.isEmpty();
  }

  /** Recomputes every touched day; a day whose raw events may have expired is left alone. */
  void refresh() {
    LocalDate oldestComplete =
        LocalDate.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC).plusDays(1);
    for (String day : List.copyOf(dirtyDays)) {
      if (!LocalDate.parse(day).isBefore(oldestComplete)) {
        recompute(day);
      }
      dirtyDays.remove(day);
    }
  }

  private void recompute(String day) {
    List<BsonField> fields = new ArrayList<>(UsageTotalsFields.accumulators());
    fields.add(Accumulators.last(KEY_NAME, "$" + KEY_NAME));
    fields.add(Accumulators.last(APPLICATION, "$" + APPLICATION));
    fields.add(Accumulators.last(DEPARTMENT, "$" + DEPARTMENT));
    fields.add(Accumulators.last(PROJECT, "$" + PROJECT));
    List<Document> totals =
        events
            .aggregate(
                List.of(
                    Aggregates.match(Filters.eq(DAY, day)),
                    Aggregates.group(
                        new Document(KEY_ID, "$" + KEY_ID).append(MODEL, "$" + MODEL), fields)))
            .into(new ArrayList<>());
    List<WriteModel<Document>> writes = new ArrayList<>();
    Date now = Date.from(clock.instant());
    for (Document total : totals) {
      Document group = total.get("_id", Document.class);
      String keyId = group.getString(KEY_ID);
      String model = group.getString(MODEL);
      String id = day + "|" + Objects.toString(keyId, "") + "|" + Objects.toString(model, "");
      Document rollup = new Document(total).append("_id", id).append(DAY, day);
      rollup.append(KEY_ID, keyId).append(MODEL, model).append(UPDATED_AT, now);
      writes.add(
          new ReplaceOneModel<>(Filters.eq("_id", id), rollup, new ReplaceOptions().upsert(true)));
    }
    if (!writes.isEmpty()) {
      rollups.bulkWrite(writes);
    }
  }
}
