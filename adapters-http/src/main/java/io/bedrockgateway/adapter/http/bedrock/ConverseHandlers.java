package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.adapter.http.common.StreamFailures;
import io.bedrockgateway.adapter.http.common.converse.ConverseJson;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code POST /bedrock/model/{modelId}/converse} and {@code /converse-stream}: Bedrock's Converse
 * API over the gateway's converse use case, the answer in Bedrock's exact shape, the stream as
 * event-stream frames.
 */
final class ConverseHandlers {
  private final ConverseUseCase converse;
  private final RejectionRecorder rejections;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final StreamFailures streamFailures;
  private final ConverseRequestMapper mapper = new ConverseRequestMapper();

  ConverseHandlers(EdgeServices edge) {
    this.converse = edge.useCases().converse();
    this.rejections = edge.rejections();
    this.bodies = edge.bodies();
    this.facts = edge.facts();
    this.json = edge.json();
    this.timeouts = edge.timeouts();
    this.streamFailures = new StreamFailures(edge.timeouts());
  }

  void converse(Context ctx) {
    ConverseResult result = converse.converse(read(ctx, Operation.CONVERSE));
    result.rateLimit().ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    GatewayHeaders.servedModel(ctx, result.response().servedModel());
    RequestEnd.tokens(ctx, result.response().usage());
    ctx.json(ConverseJson.converseResponse(result.response(), Optional.empty()));
  }

  void converseStream(Context ctx) {
    ConverseCommand command = read(ctx, Operation.CONVERSE_STREAM);
    EventStreamWriter frames = new EventStreamWriter(ctx, json, timeouts.stream());
    streamFailures.relay(
        frames,
        command.context().requestId(),
        () -> {
          RequestEnd.tokens(
              ctx, converse.stream(command, new ModelEventStream(ctx, frames)).usage());
          frames.complete();
        });
  }

  private ConverseCommand read(Context ctx, Operation operation) {
    return rejections.commandOrRecord(
        ctx,
        operation,
        () -> {
          ModelId model = modelId(ctx);
          ConverseRequestJson body = bodies.read(ctx, ConverseRequestJson.class);
          return new ConverseCommand(
              KeyGate.caller(ctx), mapper.toChatRequest(model, body), facts.context(ctx));
        });
  }

  /** The model of the path, as the SDK percent-encoded it into one segment. */
  static ModelId modelId(Context ctx) {
    String id = ctx.pathParam("modelId");
    return FieldPath.at("modelId", () -> new ModelId(id));
  }
}
