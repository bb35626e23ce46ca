package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Objects;

/**
 * What every API surface of the public listener builds its routes from: the use cases, the one JSON
 * configuration, the bounded body reader, the request facts, the key gate, the rejection recorder,
 * the timeouts and the clock.
 */
public record EdgeServices(
    UseCases useCases,
    ObjectMapper json,
    JsonBodyReader bodies,
    RequestFacts facts,
    KeyGate key,
    RejectionRecorder rejections,
    HttpTimeouts timeouts,
    Clock clock) {
  public EdgeServices {
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(bodies, "bodies");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rejections, "rejections");
    Objects.requireNonNull(timeouts, "timeouts");
    Objects.requireNonNull(clock, "clock");
  }
}
