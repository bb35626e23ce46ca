package io.bedrockgateway.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.out.ModelRequestRecord;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.application.port.out.TestUsageEvents;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusGatewayMetricsTest {
  private static final UsageEvent CHAT = TestUsageEvents.event(RequestId.generate(), 7);

  private static String scrapeAfterOneChat(boolean keyLabels) {
    PrometheusGatewayMetrics metrics =
        new PrometheusGatewayMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new MetricsSettings(keyLabels));
    metrics.modelRequest(new ModelRequestRecord(CHAT, Duration.ofMillis(100), Optional.empty()));
    metrics.httpExchange("POST", "/api/v1/converse-stream", 200, Duration.ofMillis(121));
    return metrics.scrape();
  }

  @Test
  void countsTokensAndCostByModelAndKeyAndTheOverheadApart() {
    String scrape = scrapeAfterOneChat(true);
    String keyId = CHAT.principal().orElseThrow().keyId().value();

    assertThat(scrape)
        .contains(
            "bedrock_gateway_tokens_total{model=\"amazon.nova-lite-v1:0\",type=\"output\"} 7.0")
        .contains("bedrock_gateway_key_tokens_total{key_id=\"" + keyId + "\",type=\"input\"} 5.0")
        .contains("bedrock_gateway_cost_usd_total{model=\"amazon.nova-lite-v1:0\"} 1.98E-6")
        .contains(
            "bedrock_gateway_requests_total{model=\"amazon.nova-lite-v1:0\","
                + "operation=\"converse_stream\",outcome=\"succeeded\"} 1.0")
        // 120 ms in all, 100 of them upstream
        .contains("bedrock_gateway_overhead_seconds_sum{operation=\"converse_stream\"} 0.02")
        .contains("bedrock_gateway_time_to_first_token_seconds_count")
        .contains(
            "bedrock_gateway_http_requests_total{method=\"POST\","
                + "route=\"/api/v1/converse-stream\",status=\"200\"} 1.0");
  }

  @Test
  void countsPromptCacheTokensAsTheirOwnTypes() {
    PrometheusGatewayMetrics metrics =
        new PrometheusGatewayMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new MetricsSettings(true));
    UsageEvent cached =
        TestUsageEvents.event(
            TestPrincipals.unlimited(),
            TestUsageEvents.NOON,
            TestUsageEvents.LITE,
            Outcome.SUCCEEDED,
            new TokenUsage(5, 7, 1_000, 200),
            120,
            "127.0.0.1");

    metrics.modelRequest(new ModelRequestRecord(cached, Duration.ZERO, Optional.empty()));

    String keyId = cached.principal().orElseThrow().keyId().value();
    assertThat(metrics.scrape())
        .contains(
            "bedrock_gateway_tokens_total{model=\"amazon.nova-lite-v1:0\",type=\"cache_read\"}"
                + " 1000.0")
        .contains(
            "bedrock_gateway_tokens_total{model=\"amazon.nova-lite-v1:0\",type=\"cache_write\"}"
                + " 200.0")
        .contains(
            "bedrock_gateway_key_tokens_total{key_id=\""
                + keyId
                + "\",type=\"cache_read\"} 1000.0");
  }

  @Test
  void countsRequestsOfModelsWithoutAPrice() {
    PrometheusGatewayMetrics metrics =
        new PrometheusGatewayMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new MetricsSettings(false));
    UsageEvent unpriced =
        TestUsageEvents.event(
            TestPrincipals.unlimited(),
            TestUsageEvents.NOON,
            TestUsageEvents.PRO,
            Outcome.SUCCEEDED,
            new TokenUsage(5, 7),
            120,
            "127.0.0.1");

    metrics.modelRequest(new ModelRequestRecord(unpriced, Duration.ZERO, Optional.empty()));
    metrics.modelRequest(new ModelRequestRecord(CHAT, Duration.ZERO, Optional.empty()));

    assertThat(metrics.scrape())
        .contains(
            "bedrock_gateway_unpriced_requests_total{model=\""
                + TestUsageEvents.PRO.value()
                + "\"} 1.0")
        .doesNotContain("bedrock_gateway_unpriced_requests_total{model=\"amazon.nova-lite-v1:0\"}");
  }

  @Test
  void leavesKeyIdsOutWhenSwitchedOff() {
    assertThat(scrapeAfterOneChat(false))
        .contains("bedrock_gateway_tokens_total")
        .doesNotContain("key_id");
  }

  @Test
  void countsDenialsByTheLimitThatRefused() {
    PrometheusGatewayMetrics metrics =
        new PrometheusGatewayMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new MetricsSettings(true));
    UsageEvent refused = TestUsageEvents.anonymousRejection(TestUsageEvents.NOON);

    metrics.modelRequest(
        new ModelRequestRecord(refused, Duration.ZERO, Optional.of(LimitKind.TOKENS_PER_MINUTE)));

    assertThat(metrics.scrape())
        .contains("bedrock_gateway_rate_limit_denials_total{limit=\"tokens_per_minute\"} 1.0")
        .doesNotContain("bedrock_gateway_tokens_total");
  }

  @Test
  void countsRequestsWithoutAValidKeyByReasonOnly() {
    PrometheusGatewayMetrics metrics =
        new PrometheusGatewayMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new MetricsSettings(true));

    metrics.unauthenticated("invalid_api_key");
    metrics.unauthenticated("invalid_api_key");
    metrics.unauthenticated("missing_api_key");

    assertThat(metrics.scrape())
        .contains(
            "bedrock_gateway_unauthenticated_requests_total{reason=\"invalid_api_key\"} 2.0",
            "bedrock_gateway_unauthenticated_requests_total{reason=\"missing_api_key\"} 1.0");
  }
}
