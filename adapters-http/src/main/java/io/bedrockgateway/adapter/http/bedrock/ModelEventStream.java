package io.bedrockgateway.adapter.http.bedrock;

import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.converse.ConverseJson;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.port.in.InvokeStreamObserver;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A streamed answer as Bedrock Runtime sends it, one event-stream frame an event: for
 * ConverseStream, each event named as Bedrock names it ({@code messageStart}, {@code
 * contentBlockDelta}, ...) with its body as payload; for InvokeModelWithResponseStream, each chunk
 * the model sent, its bytes unchanged, as {@code chunk} {@code {"bytes":"<base64>"}}.
 */
final class ModelEventStream implements ConverseStreamObserver, InvokeStreamObserver {
  record Chunk(String bytes) {}

  private final Context ctx;
  private final EventStreamWriter frames;

  ModelEventStream(Context ctx, EventStreamWriter frames) {
    this.ctx = ctx;
    this.frames = frames;
  }

  @Override
  public void admitted(Optional<RateLimitStatus> rateLimit) {
    rateLimit.ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
  }

  @Override
  public void serving(ModelId model) {
    GatewayHeaders.servedModel(ctx, model);
  }

  /** Events that arrived together go out in one write. */
  @Override
  public void acceptEvents(List<ChatStreamEvent> events) {
    frames.together(() -> events.forEach(this::accept));
  }

  @Override
  public void accept(ChatStreamEvent event) {
    frames.checkTime();
    Map.Entry<String, Object> named =
        ConverseJson.streamEvent(event, Optional.empty()).entrySet().iterator().next();
    frames.event(named.getKey(), named.getValue());
  }

  /** Chunks that arrived together go out in one write. */
  @Override
  public void acceptChunks(List<InvocationChunk> chunks) {
    frames.together(() -> chunks.forEach(this::accept));
  }

  @Override
  public void accept(InvocationChunk chunk) {
    frames.checkTime();
    frames.event("chunk", new Chunk(Base64.getEncoder().encodeToString(chunk.bytes())));
  }
}
