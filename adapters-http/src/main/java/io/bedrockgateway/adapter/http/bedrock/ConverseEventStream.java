package io.bedrockgateway.adapter.http.bedrock;

import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.converse.ConverseJson;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * A ConverseStream answer as Bedrock Runtime sends it: each event one event-stream frame whose
 * {@code :event-type} is the event's name ({@code messageStart}, {@code contentBlockDelta}, ...)
 * and whose payload is the event's body.
 */
final class ConverseEventStream implements ConverseStreamObserver {
  private final Context ctx;
  private final EventStreamWriter frames;

  ConverseEventStream(Context ctx, EventStreamWriter frames) {
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

  @Override
  public void accept(ChatStreamEvent event) {
    frames.checkTime();
    Map.Entry<String, Object> named =
        ConverseJson.streamEvent(event, Optional.empty()).entrySet().iterator().next();
    frames.event(named.getKey(), named.getValue());
  }
}
