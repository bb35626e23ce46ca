package io.bedrockgateway.emulator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** What an SDK {@code converseStream} visitor saw, event by event. */
final class StreamCapture {

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> deltas = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> call;

  private StreamCapture(BedrockRuntimeAsyncClient client, ConverseStreamRequest request) {
    this.call = client.converseStream(request, handler());
  }

  static StreamCapture start(BedrockRuntimeAsyncClient client, String modelId, String userText) {
    return start(
        client,
        ConverseStreamRequest.builder()
            .modelId(modelId)
            .messages(
                Message.builder()
                    .role(ConversationRole.USER)
                    .content(ContentBlock.fromText(userText))
                    .build())
            .build());
  }

  static StreamCapture start(BedrockRuntimeAsyncClient client, ConverseStreamRequest request) {
    return new StreamCapture(client, request);
  }

  /** Waits for the end of the stream: empty if it completed, else the error it ended with. */
  Optional<Throwable> awaitEnd() throws Exception {
    return call.handle((completed, error) -> Optional.ofNullable(error)).get(30, TimeUnit.SECONDS);
  }

  /** The events seen, e.g. {@code messageStart:assistant}, {@code contentBlockDelta:0}. */
  List<String> events() {
    return List.copyOf(events);
  }

  String text() {
    return String.join("", deltas);
  }

  int deltaCount() {
    return deltas.size();
  }

  private ConverseStreamResponseHandler handler() {
    return ConverseStreamResponseHandler.builder()
        .subscriber(
            ConverseStreamResponseHandler.Visitor.builder()
                .onMessageStart(start -> events.add("messageStart:" + start.roleAsString()))
                .onContentBlockStart(start -> events.add("contentBlockStart"))
                .onContentBlockDelta(
                    delta -> {
                      events.add("contentBlockDelta:" + delta.contentBlockIndex());
                      if (delta.delta().text() != null) {
                        deltas.add(delta.delta().text());
                      }
                    })
                .onContentBlockStop(
                    stop -> events.add("contentBlockStop:" + stop.contentBlockIndex()))
                .onMessageStop(stop -> events.add("messageStop:" + stop.stopReasonAsString()))
                .onMetadata(
                    metadata ->
                        events.add(
                            "metadata:"
                                + metadata.usage().inputTokens()
                                + "/"
                                + metadata.usage().outputTokens()
                                + "/"
                                + metadata.usage().totalTokens()))
                .build())
        .build();
  }
}
