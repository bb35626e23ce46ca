package io.bedrockgateway.adapter.http.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.ResponseStream;
import io.bedrockgateway.adapter.http.common.SseWriter;
import io.bedrockgateway.application.port.in.InvokeStreamObserver;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A Claude stream in Anthropic's server-sent events: each Anthropic event Bedrock relayed as {@code
 * event: <type>} and {@code data: <json>}, as it arrives; a {@code ping} whenever the model has
 * been silent for the ping interval since the request was admitted, so that clients that give up on
 * a silent stream (Claude Code after five minutes) hold on; and a failure once the stream began as
 * one {@code error} event.
 */
final class AnthropicEventStream implements InvokeStreamObserver, ResponseStream, AutoCloseable {
  private static final Map<String, String> PING = Map.of("type", "ping");

  private final Context ctx;
  private final ObjectMapper json;
  private final SseWriter sse;
  private final ScheduledExecutorService pings;
  private final Duration pingInterval;
  private final ReentrantLock writing = new ReentrantLock();
  private volatile long lastWriteNanos = System.nanoTime();
  private volatile boolean closed;
  private ScheduledFuture<?> pinger;

  AnthropicEventStream(
      Context ctx,
      ObjectMapper json,
      Duration maxDuration,
      ScheduledExecutorService pings,
      Duration pingInterval) {
    this.ctx = ctx;
    this.json = json;
    this.sse = new SseWriter(ctx, json, maxDuration);
    this.pings = pings;
    this.pingInterval = pingInterval;
  }

  @Override
  public void admitted(Optional<RateLimitStatus> rateLimit) {
    rateLimit.ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    lastWriteNanos = System.nanoTime();
    long check = Math.max(1, pingInterval.toMillis() / 2);
    // the scheduler only looks; a ping that may block on a slow client is written elsewhere
    pinger =
        pings.scheduleAtFixedRate(
            () -> Thread.startVirtualThread(this::pingIfSilent),
            check,
            check,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void serving(ModelId model) {
    if (!sse.started()) {
      GatewayHeaders.servedModel(ctx, model);
    }
  }

  /** Chunks that arrived together go out in one write, with no ping between them. */
  @Override
  public void acceptChunks(List<InvocationChunk> chunks) {
    writing.lock();
    try {
      sse.together(() -> chunks.forEach(this::accept));
    } finally {
      writing.unlock();
    }
  }

  @Override
  public void accept(InvocationChunk chunk) {
    sse.checkTime();
    JsonNode event;
    try {
      event = json.readTree(chunk.bytes());
    } catch (IOException notJson) {
      throw new IllegalStateException("Bedrock sent a chunk that is not JSON", notJson);
    }
    write(event.path("type").asText("message"), event);
  }

  /** Runs on the ping scheduler: a ping, unless an event went out within the interval. */
  private void pingIfSilent() {
    if (System.nanoTime() - lastWriteNanos < pingInterval.toNanos() || !writing.tryLock()) {
      return;
    }
    try {
      if (closed) {
        return;
      }
      sse.event("ping", PING);
      lastWriteNanos = System.nanoTime();
    } catch (ClientCancelled gone) {
      close();
    } finally {
      writing.unlock();
    }
  }

  private void write(String name, Object payload) {
    writing.lock();
    try {
      sse.event(name, payload);
      lastWriteNanos = System.nanoTime();
    } finally {
      writing.unlock();
    }
  }

  @Override
  public boolean started() {
    return sse.started();
  }

  @Override
  public boolean overran() {
    return sse.overran();
  }

  @Override
  public void sendError(ErrorReply reply) {
    close();
    try {
      write("error", AnthropicErrors.body(reply));
    } catch (ClientCancelled gone) {
      // nobody is left to tell
    }
  }

  void complete() {
    close();
    writing.lock();
    try {
      sse.complete();
    } finally {
      writing.unlock();
    }
  }

  /** Stops the pings. */
  @Override
  public void close() {
    closed = true;
    if (pinger != null) {
      pinger.cancel(false);
    }
  }
}
