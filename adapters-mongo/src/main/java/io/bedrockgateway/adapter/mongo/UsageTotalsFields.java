package io.bedrockgateway.adapter.mongo;

import static io.bedrockgateway.adapter.mongo.UsageDocuments.CACHE_READ_INPUT_TOKENS;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.CACHE_WRITE_INPUT_TOKENS;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.COST_USD;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.IMAGES;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.INPUT_TOKENS;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.LATENCY_MS;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.OUTCOME;
import static io.bedrockgateway.adapter.mongo.UsageDocuments.OUTPUT_TOKENS;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.BsonField;
import com.mongodb.client.model.Updates;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.usage.UsageTotals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * The {@code $group} accumulators that total usage documents, and their results read back: shared
 * by the reports and the daily rollups, which store the totals under the same names.
 */
final class UsageTotalsFields {
  static final String REQUESTS = "requests";
  static final String ERRORS = "errors";
  static final String UNPRICED = "unpriced_requests";
  static final String LATENCY_MS_TOTAL = "latency_ms_total";
  static final String LATENCY_MS_MAX = "latency_ms_max";

  private UsageTotalsFields() {}

  static List<BsonField> accumulators() {
    return List.of(
        Accumulators.sum(REQUESTS, 1),
        Accumulators.sum(ERRORS, whenElse(isEqual("$" + OUTCOME, UsageDocuments.SUCCEEDED), 0, 1)),
        Accumulators.sum(INPUT_TOKENS, "$" + INPUT_TOKENS),
        Accumulators.sum(OUTPUT_TOKENS, "$" + OUTPUT_TOKENS),
        Accumulators.sum(CACHE_READ_INPUT_TOKENS, "$" + CACHE_READ_INPUT_TOKENS),
        Accumulators.sum(CACHE_WRITE_INPUT_TOKENS, "$" + CACHE_WRITE_INPUT_TOKENS),
        Accumulators.sum(IMAGES, "$" + IMAGES),
        Accumulators.sum(COST_USD, "$" + COST_USD),
        Accumulators.sum(UNPRICED, whenElse(isEqual("$" + COST_USD, null), 1, 0)),
        Accumulators.sum(LATENCY_MS_TOTAL, "$" + LATENCY_MS),
        Accumulators.max(LATENCY_MS_MAX, "$" + LATENCY_MS));
  }

  /**
   * The same totals over documents that hold totals themselves (daily rollups), under the same
   * names.
   */
  static List<BsonField> totalsOfTotals() {
    return List.of(
        Accumulators.sum(REQUESTS, "$" + REQUESTS),
        Accumulators.sum(ERRORS, "$" + ERRORS),
        Accumulators.sum(INPUT_TOKENS, "$" + INPUT_TOKENS),
        Accumulators.sum(OUTPUT_TOKENS, "$" + OUTPUT_TOKENS),
        Accumulators.sum(IMAGES, "$" + IMAGES),
        Accumulators.sum(COST_USD, "$" + COST_USD),
        Accumulators.sum(UNPRICED, "$" + UNPRICED),
        Accumulators.sum(LATENCY_MS_TOTAL, "$" + LATENCY_MS_TOTAL),
        Accumulators.max(LATENCY_MS_MAX, "$" + LATENCY_MS_MAX));
  }

  /** The update that adds {@code totals} (as {@link #accumulators()} made them) to a rollup. */
  static List<Bson> increments(Document totals) {
    return List.of(
        Updates.inc(REQUESTS, count(totals, REQUESTS)),
        Updates.inc(ERRORS, count(totals, ERRORS)),
        Updates.inc(INPUT_TOKENS, count(totals, INPUT_TOKENS)),
        Updates.inc(OUTPUT_TOKENS, count(totals, OUTPUT_TOKENS)),
        Updates.inc(IMAGES, count(totals, IMAGES)),
        Updates.inc(COST_USD, new Decimal128(dollars(totals.get(COST_USD)))),
        Updates.inc(UNPRICED, count(totals, UNPRICED)),
        Updates.inc(LATENCY_MS_TOTAL, count(totals, LATENCY_MS_TOTAL)),
        Updates.max(LATENCY_MS_MAX, count(totals, LATENCY_MS_MAX)));
  }

  static UsageTotals read(Document totals) {
    return new UsageTotals(
        count(totals, REQUESTS),
        count(totals, ERRORS),
        count(totals, INPUT_TOKENS),
        count(totals, OUTPUT_TOKENS),
        count(totals, IMAGES),
        Usd.of(dollars(totals.get(COST_USD))),
        count(totals, UNPRICED),
        Duration.ofMillis(count(totals, LATENCY_MS_TOTAL)),
        Duration.ofMillis(count(totals, LATENCY_MS_MAX)),
        count(totals, CACHE_READ_INPUT_TOKENS),
        count(totals, CACHE_WRITE_INPUT_TOKENS));
  }

  private static long count(Document totals, String field) {
    return totals.get(field) instanceof Number number ? number.longValue() : 0;
  }

  private static BigDecimal dollars(Object sum) {
    return switch (sum) {
      case Decimal128 decimal -> decimal.bigDecimalValue();
      case Number number -> BigDecimal.valueOf(number.longValue());
      case null, default -> BigDecimal.ZERO;
    };
  }

  private static Document isEqual(String field, Object value) {
    return new Document("$eq", java.util.Arrays.asList(field, value));
  }

  private static Document whenElse(Document condition, int then, int otherwise) {
    return new Document("$cond", List.of(condition, then, otherwise));
  }
}
