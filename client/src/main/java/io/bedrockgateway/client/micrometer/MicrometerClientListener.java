package io.bedrockgateway.client.micrometer;

import io.bedrockgateway.client.BreakerState;
import io.bedrockgateway.client.ClientListener;
import io.bedrockgateway.client.FailureCause;
import io.bedrockgateway.client.Operation;
import io.bedrockgateway.client.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client's listener as Micrometer meters (Micrometer is an optional dependency of the client):
 *
 * <ul>
 *   <li>{@code bedrock.client.calls} (counter; {@code operation}, {@code path}, {@code reason},
 *       {@code outcome} = success|failure): calls by the path that took them;
 *   <li>{@code bedrock.client.fallbacks} (counter; {@code operation}, {@code cause}): calls meant
 *       for the gateway that went direct;
 *   <li>{@code bedrock.client.gateway.breaker.state} (gauge; {@code state}): 1 for the breaker's
 *       current state, 0 for the others.
 * </ul>
 */
public final class MicrometerClientListener implements ClientListener {
  private final MeterRegistry registry;
  private final AtomicReference<BreakerState> breaker = new AtomicReference<>(BreakerState.CLOSED);

  public MicrometerClientListener(MeterRegistry registry) {
    this.registry = registry;
    for (BreakerState state : BreakerState.values()) {
      Gauge.builder(
              "bedrock.client.gateway.breaker.state",
              breaker,
              current -> current.get() == state ? 1 : 0)
          .tag("state", tag(state))
          .description("1 for the gateway breaker's current state")
          .register(registry);
    }
  }

  @Override
  public void onCall(Operation operation, Route route, boolean succeeded) {
    Counter.builder("bedrock.client.calls")
        .tag("operation", tag(operation))
        .tag("path", tag(route.path()))
        .tag("reason", tag(route.reason()))
        .tag("outcome", succeeded ? "success" : "failure")
        .description("calls, by the path that took them")
        .register(registry)
        .increment();
  }

  @Override
  public void onFallback(Operation operation, FailureCause cause) {
    Counter.builder("bedrock.client.fallbacks")
        .tag("operation", tag(operation))
        .tag("cause", tag(cause))
        .description("calls meant for the gateway that went direct")
        .register(registry)
        .increment();
  }

  @Override
  public void onBreakerStateChange(BreakerState from, BreakerState to) {
    breaker.set(to);
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
