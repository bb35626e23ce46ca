package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.adapter.mongo.UsageDocuments.APPLICATION;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DAY;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.DEPARTMENT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.KEY_ID;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.KEY_NAME;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.MODEL;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.PROJECT;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.ROLLUP;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.ROLLUP_PENDING;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Totals per UTC day, key and model in {@code usage_daily}, kept after the raw events expire, and
 * kept incrementally: each pass folds in only the events stored since the last one, never a rescan.
 *
 * <p>An event is stored marked {@code rollup: "pending"}. A pass claims a batch of pending events
 * under a claim id of its own (so two instances never claim the same event), adds the batch's
 * totals to each rollup it touches while recording the claim id in the rollup (so a claim is added
 * to a rollup at most once), then removes the mark. A pass that dies half-way leaves its claim
 * behind; once the claim is older than {@link #CLAIM_LEASE} any pass folds it again, and the
 * rollups that had it already skip it. So replays, retries, crashes and several gateways sharing
 * one MongoDB never count an event twice or miss one.
 */
final class DailyRollups {
  static final String COLLECTION = "usage_daily";
  static final String UPDATED_AT = "updated_at";

  /** The claims folded into a rollup, the most recent {@link #FOLDED_KEPT}. */
  static final String FOLDED = "folded";

  static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
  private static final String CLAIM_PREFIX = "claim:";
  private static final int CLAIM_SIZE = 5_000;
  private static final int MAX_CLAIMS_PER_PASS = 20;
  private static final int FOLDED_KEPT = 200;
  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> rollups;
  private final Clock clock;

  DailyRollups(MongoCollection<Document> events, MongoCollection<Document> rollups, Clock clock) {
    this.events = events;
    this.rollups = rollups;
    this.clock = clock;
  }

  /** What pending events look like: the query each pass starts with. */
  static Bson pendingFilter() {
    return Filters.eq(ROLLUP, ROLLUP_PENDING);
  }

  /** Folds stale claims, then the pending events, a bounded number of batches per pass. */
  void refresh() {
    for (String stale : staleClaims()) {
      fold(stale);
    }
    for (int claims = 0; claims < MAX_CLAIMS_PER_PASS; claims++) {
      String claim = claimId(clock.instant());
      long claimed = claim(claim);
      if (claimed == 0) {
        return;
      }
      fold(claim);
      if (claimed < CLAIM_SIZE) {
        return;
      }
    }
  }

  private long claim(String claim) {
    List<Object> ids =
        events
            .find(pendingFilter())
            .projection(Projections.include("_id"))
            .limit(CLAIM_SIZE)
            .map(document -> document.get("_id"))
            .into(new ArrayList<>());
    if (ids.isEmpty()) {
      return 0;
    }
    // only what is still pending: another instance may have claimed some meanwhile
    return events
        .updateMany(
            Filters.and(Filters.in("_id", ids), pendingFilter()), Updates.set(ROLLUP, claim))
        .getModifiedCount();
  }

  /** Claims older than the lease: their pass died or stalled before it finished. */
  private List<String> staleClaims() {
    String before = claimId(clock.instant().minus(CLAIM_LEASE)).substring(0, claimPrefixLength());
    return events
        .distinct(
            ROLLUP,
            Filters.and(Filters.gte(ROLLUP, CLAIM_PREFIX), Filters.lt(ROLLUP, before)),
            String.class)
        .into(new ArrayList<>());
  }

  /** Adds the claimed events to their rollups, each rollup at most once, then unmarks them. */
  private void fold(String claim) {
    List<BsonField> fields = new ArrayList<>(UsageTotalsFields.accumulators());
    fields.add(Accumulators.last(KEY_NAME, "$" + KEY_NAME));
    fields.add(Accumulators.last(APPLICATION, "$" + APPLICATION));
    fields.add(Accumulators.last(DEPARTMENT, "$" + DEPARTMENT));
    fields.add(Accumulators.last(PROJECT, "$" + PROJECT));
    List<Document> totals =
        events
            .aggregate(
                List.of(
                    Aggregates.match(Filters.eq(ROLLUP, claim)),
                    Aggregates.group(
                        new Document(DAY, "$" + DAY)
                            .append(KEY_ID, "$" + KEY_ID)
                            .append(MODEL, "$" + MODEL),
                        fields)))
            .into(new ArrayList<>());
    List<WriteModel<Document>> writes = new ArrayList<>();
    Date now = Date.from(clock.instant());
    for (Document total : totals) {
      Document group = total.get("_id", Document.class);
      String day = group.getString(DAY);
      String keyId = group.getString(KEY_ID);
      String model = group.getString(MODEL);
      String id = day + "|" + Objects.toString(keyId, "") + "|" + Objects.toString(model, "");
      List<Bson> updates = new ArrayList<>(UsageTotalsFields.increments(total));
      updates.add(Updates.set(KEY_NAME, total.get(KEY_NAME)));
      updates.add(Updates.set(APPLICATION, total.get(APPLICATION)));
      updates.add(Updates.set(DEPARTMENT, total.get(DEPARTMENT)));
      updates.add(Updates.set(PROJECT, total.get(PROJECT)));
      updates.add(Updates.set(UPDATED_AT, now));
      updates.add(Updates.setOnInsert(DAY, day));
      updates.add(Updates.setOnInsert(KEY_ID, keyId));
      updates.add(Updates.setOnInsert(MODEL, model));
      updates.add(Updates.pushEach(FOLDED, List.of(claim), new PushOptions().slice(-FOLDED_KEPT)));
      writes.add(
          new UpdateOneModel<>(
              // a rollup that has the claim already is not matched; the upsert then collides
              // with it on _id, which is how a claim folded before is recognised
              Filters.and(Filters.eq("_id", id), Filters.ne(FOLDED, claim)),
              Updates.combine(updates),
              new UpdateOptions().upsert(true)));
    }
    if (!writes.isEmpty()) {
      try {
        rollups.bulkWrite(writes, UNORDERED);
      } catch (MongoBulkWriteException partly) {
        boolean onlyFoldedBefore =
            partly.getWriteConcernError() == null
                && partly.getWriteErrors().stream()
                    .allMatch(
                        error ->
                            ErrorCategory.fromErrorCode(error.getCode())
                                == ErrorCategory.DUPLICATE_KEY);
        if (!onlyFoldedBefore) {
          throw partly;
        }
      }
    }
    events.updateMany(Filters.eq(ROLLUP, claim), Updates.unset(ROLLUP));
  }

  /** Claim ids sort by the time they were made: {@code claim:<epoch millis, 15 digits>:<uuid>}. */
  private static String claimId(Instant at) {
    return CLAIM_PREFIX + String.format("%015d", at.toEpochMilli()) + ":" + UUID.randomUUID();
  }

  private static int claimPrefixLength() {
    return CLAIM_PREFIX.length() + 15;
  }
}
