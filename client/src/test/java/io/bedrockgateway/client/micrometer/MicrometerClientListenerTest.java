package io.bedrockgateway.client.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.client.BreakerState;
import io.bedrockgateway.client.FailureCause;
import io.bedrockgateway.client.Operation;
import io.bedrockgateway.client.Path;
import io.bedrockgateway.client.Route;
import io.bedrockgateway.client.RouteReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerClientListenerTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerClientListener listener = new MicrometerClientListener(registry);

  @Test
  void countsCallsByPathFallbacksByCauseAndShowsTheBreakersState() {
    listener.onCall(
        Operation.CONVERSE, new Route(Path.GATEWAY, RouteReason.IN_GATEWAY_SHARE, 3, null), true);
    listener.onCall(
        Operation.CONVERSE, new Route(Path.GATEWAY, RouteReason.IN_GATEWAY_SHARE, 3, null), true);
    listener.onCall(
        Operation.CONVERSE,
        new Route(Path.DIRECT, RouteReason.FALLBACK, 3, FailureCause.TIMEOUT),
        false);
    listener.onFallback(Operation.CONVERSE, FailureCause.TIMEOUT);
    listener.onBreakerStateChange(BreakerState.CLOSED, BreakerState.OPEN);

    assertThat(
            registry
                .get("bedrock.client.calls")
                .tags("path", "gateway", "outcome", "success", "operation", "converse")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("bedrock.client.calls")
                .tags("path", "direct", "reason", "fallback", "outcome", "failure")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("bedrock.client.fallbacks").tags("cause", "timeout").counter().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("bedrock.client.gateway.breaker.state")
                .tags("state", "open")
                .gauge()
                .value())
        .isEqualTo(1);
    assertThat(
            registry
                .get("bedrock.client.gateway.breaker.state")
                .tags("state", "closed")
                .gauge()
                .value())
        .isZero();
  }
}
