package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageReport;
import io.bedrockgateway.domain.usage.UsageTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/** {@code /usage} and the earlier gateway's {@code /stats}. */
public final class UsageJson {
  private UsageJson() {}

  record TotalsJson(
      long requests,
      long errors,
      @JsonProperty("input_tokens") long inputTokens,
      @JsonProperty("output_tokens") long outputTokens,
      @JsonProperty("cache_read_input_tokens") long cacheReadInputTokens,
      @JsonProperty("cache_write_input_tokens") long cacheWriteInputTokens,
      long images,
      @JsonProperty("cost_usd") BigDecimal costUsd,
      @JsonProperty("unpriced_requests") long unpricedRequests,
      @JsonProperty("avg_latency_ms") long averageLatencyMs,
      @JsonProperty("max_latency_ms") long maxLatencyMs) {

    static TotalsJson of(UsageTotals totals) {
      return new TotalsJson(
          totals.requests(),
          totals.errors(),
          totals.inputTokens(),
          totals.outputTokens(),
          totals.cacheReadInputTokens(),
          totals.cacheWriteInputTokens(),
          totals.images(),
          totals.cost().dollars(),
          totals.unpricedRequests(),
          totals.averageLatency().toMillis(),
          totals.maxLatency().toMillis());
    }
  }

  /** One group; {@code group} is null for requests without it (e.g. sent without a key). */
  record GroupJson(@JsonInclude(JsonInclude.Include.ALWAYS) String group, TotalsJson usage) {
    static GroupJson of(UsageGroup group) {
      return new GroupJson(group.group().orElse(null), TotalsJson.of(group.totals()));
    }
  }

  record ReportJson(
      String from,
      String to,
      @JsonProperty("group_by") String groupBy,
      List<GroupJson> groups,
      TotalsJson total,
      @JsonProperty("unique_keys") long uniqueKeys,
      @JsonProperty("unique_clients") long uniqueClients) {

    static ReportJson of(UsageReport report) {
      return new ReportJson(
          report.query().from().toString(),
          report.query().to().toString(),
          report.query().groupBy().wireName(),
          report.groups().stream().map(GroupJson::of).toList(),
          TotalsJson.of(report.total()),
          report.uniqueKeys(),
          report.uniqueClients());
    }
  }

  /**
   * The earlier gateway's statistics, times in seconds. It reported request and response sizes;
   * this gateway records tokens instead, so those two are {@code null}.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record StatisticsJson(
      @JsonProperty("total_requests") long totalRequests,
      @JsonProperty("successful_requests") long successfulRequests,
      @JsonProperty("failed_requests") long failedRequests,
      @JsonProperty("avg_processing_time") BigDecimal averageProcessingTime,
      @JsonProperty("max_processing_time") BigDecimal maxProcessingTime,
      @JsonProperty("total_request_size") Long totalRequestSize,
      @JsonProperty("total_response_size") Long totalResponseSize,
      @JsonProperty("unique_api_keys") long uniqueApiKeys,
      @JsonProperty("unique_clients") long uniqueClients,
      @JsonProperty("total_input_tokens") long totalInputTokens,
      @JsonProperty("total_output_tokens") long totalOutputTokens,
      @JsonProperty("total_cost_usd") BigDecimal totalCostUsd) {}

  record StatsJson(String period, StatisticsJson statistics) {
    static final String SEVEN_DAYS = "7_days";

    static StatsJson of(UsageReport report) {
      UsageTotals total = report.total();
      return new StatsJson(
          SEVEN_DAYS,
          new StatisticsJson(
              total.requests(),
              total.requests() - total.errors(),
              total.errors(),
              seconds(total.averageLatency()),
              seconds(total.maxLatency()),
              null,
              null,
              report.uniqueKeys(),
              report.uniqueClients(),
              total.inputTokens(),
              total.outputTokens(),
              total.cost().dollars()));
    }

    private static BigDecimal seconds(Duration duration) {
      return BigDecimal.valueOf(duration.toMillis())
          .divide(BigDecimal.valueOf(1_000), 3, RoundingMode.HALF_UP);
    }
  }
}
