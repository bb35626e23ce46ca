package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.StreamFailures;
import io.bedrockgateway.adapter.http.common.converse.ConverseJson;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /converse} and {@code POST /converse-stream}. Both block their (virtual) request
 * thread until the use case is done, which for a stream means until its last event was sent.
 */
public final class ConverseHandlers {
  private final ConverseUseCase converse;
  private final RejectionRecorder rejections;
  private final ConverseCommandReader commands;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final Clock clock;
  private final StreamFailures streamFailures;

  ConverseHandlers(
      ConverseUseCase converse,
      RejectionRecorder rejections,
      ConverseCommandReader commands,
      ObjectMapper json,
      HttpTimeouts timeouts,
      Clock clock) {
    this.converse = converse;
    this.rejections = rejections;
    this.commands = commands;
    this.json = json;
    this.timeouts = timeouts;
    this.clock = clock;
    this.streamFailures = new StreamFailures(timeouts);
  }

  void converse(Context ctx) {
    ConverseResult result = converse.converse(read(ctx, Operation.CONVERSE));
    GatewayHeaders.answered(
        ctx, result.rateLimit(), result.response().servedModel(), result.upstreamTime(), clock);
    RequestEnd.tokens(ctx, result.response().usage());
    ctx.json(
        ConverseJson.converseResponse(
            result.response(), Optional.of(result.response().servedModel())));
  }

  /** Failures are answered as {@link StreamFailures} says. */
  void converseStream(Context ctx) {
    ConverseCommand command = read(ctx, Operation.CONVERSE_STREAM);
    SseEventStream events = new SseEventStream(ctx, json, timeouts.stream());
    streamFailures.relay(
        events,
        command.context().requestId(),
        () -> {
          RequestEnd.tokens(ctx, converse.stream(command, events).usage());
          events.complete();
        });
  }

  private ConverseCommand read(Context ctx, Operation operation) {
    return rejections.commandOrRecord(ctx, operation, () -> commands.read(ctx));
  }
}
