package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.application.port.out.ModelInvoker;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * {@link ModelInvoker} over Bedrock Runtime's Converse API. Both operations block the calling
 * (virtual) thread. They share one async client, so one connection pool serves every call, and a
 * caller that gives up (timeout, interrupt, a sink that throws) cancels its call and frees the
 * connection at once, which a blocked sync call could not do. Close it on shutdown.
 */
public final class BedrockModelInvoker implements ModelInvoker, AutoCloseable {

  private final BedrockRuntimeAsyncClient client;
  private final Duration requestTimeout;
  private final Duration streamIdleTimeout;

  private BedrockModelInvoker(BedrockRuntimeAsyncClient client, BedrockSettings settings) {
    this.client = client;
    this.requestTimeout = settings.requestTimeout();
    this.streamIdleTimeout = settings.streamIdleTimeout();
  }

  public static BedrockModelInvoker create(BedrockSettings settings) {
    return new BedrockModelInvoker(BedrockClientFactory.create(settings), settings);
  }

  @Override
  public ChatResponse converse(ChatRequest request) {
    ModelId model = request.requireModel();
    CompletableFuture<ConverseResponse> call =
        client.converse(ConverseRequestMapper.toConverseRequest(request));
    try {
      ConverseResponse response = call.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
      return ConverseResponseMapper.toChatResponse(response, model);
    } catch (ExecutionException failure) {
      throw BedrockErrorTranslator.translate(failure, model);
    } catch (TimeoutException timeout) {
      throw new UpstreamTimeout(
          "Bedrock did not answer within " + requestTimeout.toMillis() + " ms for " + model);
    } catch (InterruptedException interrupted) {
      throw cancelledByCaller(interrupted);
    } finally {
      call.cancel(true);
    }
  }

  @Override
  public StreamSummary converseStream(ChatRequest request, ChatStreamSink sink) {
    ModelId model = request.requireModel();
    StreamHandOff handOff = new StreamHandOff();
    CompletableFuture<Void> call =
        client.converseStream(ConverseRequestMapper.toConverseStreamRequest(request), handOff);
    try {
      return new StreamRelay(handOff, sink, streamIdleTimeout, model).relay();
    } catch (InterruptedException interrupted) {
      throw cancelledByCaller(interrupted);
    } finally {
      if (!handOff.upstreamEnded()) {
        handOff.cancel();
        call.cancel(true);
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }

  private static ClientCancelled cancelledByCaller(InterruptedException interrupted) {
    Thread.currentThread().interrupt();
    return new ClientCancelled(interrupted);
  }
}
