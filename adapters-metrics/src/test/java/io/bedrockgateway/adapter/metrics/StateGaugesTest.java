package io.bedrockgateway.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.out.QuotaFallbacks;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateGaugesTest {
  @Test
  void theUsageBacklogIsScrapedAsItIsAtTheTime() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StateGauges.register(
        registry,
        Set.of(),
        new UsageBacklog() {
          @Override
          public long queued() {
            return 2;
          }

          @Override
          public long spooled() {
            return 3;
          }

          @Override
          public long lost() {
            return 5;
          }

          @Override
          public long overflowed() {
            return 7;
          }
        },
        QuotaFallbacks.NONE);

    assertThat(registry.scrape())
        .contains("bedrock_gateway_usage_queue_events 2.0")
        .contains("bedrock_gateway_usage_spool_events 3.0")
        .contains("bedrock_gateway_usage_lost_events_total 5.0")
        .contains("bedrock_gateway_usage_queue_overflows_total 7.0");
  }

  @Test
  void theRequestsDecidedWithoutRedisAreScrapedAsTheyAreAtTheTime() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    long[] decided = {0};
    StateGauges.register(registry, Set.of(), new EmptyBacklog(), () -> decided[0]);
    decided[0] = 11;

    assertThat(registry.scrape()).contains("bedrock_gateway_quota_fallback_requests_total 11.0");
  }

  private static final class EmptyBacklog implements UsageBacklog {
    @Override
    public long queued() {
      return 0;
    }

    @Override
    public long spooled() {
      return 0;
    }

    @Override
    public long lost() {
      return 0;
    }
  }
}
