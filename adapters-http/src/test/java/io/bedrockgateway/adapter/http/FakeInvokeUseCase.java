package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.application.port.in.InvokeResult;
import io.bedrockgateway.application.port.in.InvokeStreamObserver;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import io.bedrockgateway.domain.invoke.StreamUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records each command and answers with a fixed Claude message, or as scripted. */
final class FakeInvokeUseCase implements InvokeUseCase, CountTokensUseCase {
  static final ModelId MODEL = new ModelId("anthropic.claude-test");
  static final String MESSAGE =
      "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
          + "\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],\"stop_reason\":\"end_turn\","
          + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":40}}";
  static final List<String> CHUNKS =
      List.of(
          "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
              + "\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],"
              + "\"stop_reason\":null,\"stop_sequence\":null,"
              + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}",
          "{\"type\":\"content_block_start\",\"index\":0,"
              + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
          "{\"type\":\"content_block_delta\",\"index\":0,"
              + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}",
          "{\"type\":\"content_block_stop\",\"index\":0}",
          "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
              + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":40}}",
          "{\"type\":\"message_stop\"}");

  /** What a stream does with the observer; may throw to end the stream with a failure. */
  @FunctionalInterface
  interface StreamScript {
    void play(InvokeStreamObserver observer) throws InterruptedException;
  }

  private final BlockingQueue<Object> commands = new LinkedBlockingQueue<>();
  private volatile StreamScript streamScript = FakeInvokeUseCase::chunks;
  private volatile RuntimeException failure;

  static void chunks(InvokeStreamObserver observer) {
    observer.admitted(Optional.empty());
    observer.serving(MODEL);
    // as the Bedrock adapter's relay gives them when the model is fast: the first alone, the rest
    // together, as they arrived while the first was written
    List<InvocationChunk> chunks =
        CHUNKS.stream()
            .map(
                chunk ->
                    new InvocationChunk(
                        chunk.getBytes(StandardCharsets.UTF_8), "", Optional.empty()))
            .toList();
    observer.accept(chunks.getFirst());
    observer.acceptChunks(chunks.subList(1, chunks.size()));
  }

  void streams(StreamScript script) {
    this.streamScript = script;
  }

  void failsWith(RuntimeException failure) {
    this.failure = failure;
  }

  @Override
  public InvokeResult invoke(InvokeCommand command) {
    commands.add(command);
    if (failure != null) {
      throw failure;
    }
    return new InvokeResult(
        new InvocationResponse(
            MESSAGE.getBytes(StandardCharsets.UTF_8),
            "application/json",
            MODEL,
            Optional.of(new TokenUsage(12, 40))),
        Optional.empty(),
        Duration.ofMillis(300));
  }

  @Override
  public InvocationSummary stream(InvokeCommand command, InvokeStreamObserver observer) {
    commands.add(command);
    if (failure != null) {
      throw failure;
    }
    try {
      streamScript.play(observer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new InvocationSummary(MODEL, Optional.of(new StreamUsage(new TokenUsage(12, 40), true)));
  }

  @Override
  public long countTokens(CountTokensCommand command) {
    commands.add(command);
    if (failure != null) {
      throw failure;
    }
    return 21;
  }

  /** The last command, of whichever kind. */
  @SuppressWarnings("unchecked")
  <T> T lastCommand() {
    try {
      Object command = commands.poll(5, TimeUnit.SECONDS);
      if (command == null) {
        throw new AssertionError("the use case was not called");
      }
      return (T) command;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  boolean called() {
    return !commands.isEmpty();
  }
}
