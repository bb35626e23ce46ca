package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorResponder;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /converse} and {@code POST /converse-stream}. Both block their (virtual) request
 * thread until the use case is done, which for a stream means until its last event was sent.
 */
public final class ConverseHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ConverseHandlers.class);

  private final ConverseUseCase converse;
  private final RejectionRecorder rejections;
  private final ConverseCommandReader commands;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final Clock clock;

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
  }

  void converse(Context ctx) {
    ConverseResult result = converse.converse(read(ctx, Operation.CONVERSE));
    result.rateLimit().ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    GatewayHeaders.servedModel(ctx, result.response().servedModel());
    GatewayHeaders.overhead(ctx, result.upstreamTime(), clock);
    RequestEnd.tokens(ctx, result.response().usage());
    ctx.json(BedrockJson.converseResponse(result.response()));
  }

  /**
   * Failures before the first event propagate to the error handlers and get a real status; after
   * it, the status is sent, so the stream ends with one error event instead.
   */
  void converseStream(Context ctx) {
    ConverseCommand command = read(ctx, Operation.CONVERSE_STREAM);
    SseEventStream events = new SseEventStream(ctx, json, timeouts.stream());
    try {
      RequestEnd.tokens(ctx, converse.stream(command, events).usage());
      events.complete();
    } catch (ClientCancelled gone) {
      if (events.overran()) {
        events.sendError(streamTooLong());
        return;
      }
      LOG.debug("request {}: the client left during the stream", command.context().requestId());
    } catch (GatewayException failure) {
      if (!events.started()) {
        throw failure;
      }
      LOG.debug("request {}: stream ended by {}", command.context().requestId(), failure.kind());
      events.sendError(ErrorReply.of(failure));
    } catch (RuntimeException failure) {
      if (!events.started()) {
        throw failure;
      }
      LOG.error("request {}: stream failed unexpectedly", command.context().requestId(), failure);
      events.sendError(ErrorResponder.unexpectedReply());
    }
  }

  private ErrorReply streamTooLong() {
    return ErrorReply.of(
        504,
        "Stream too long",
        "The stream lasted longer than the gateway allows ("
            + timeouts.stream().toSeconds()
            + " s, MAX_STREAM_SECONDS) and was ended.",
        ErrorReply.StreamErrorType.STREAM_ERROR);
  }

  private ConverseCommand read(Context ctx, Operation operation) {
    return rejections.commandOrRecord(ctx, operation, () -> commands.read(ctx));
  }
}
