package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.json.JsonValue;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records each command and answers as scripted. */
final class FakeConverseUseCase implements ConverseUseCase {
  static final ModelId MODEL = new ModelId("anthropic.claude-test");
  static final RateLimitStatus RATE_LIMIT =
      new RateLimitStatus(100, 99, Instant.parse("2026-01-02T03:05:00Z"));
  static final List<ChatStreamEvent> HELLO_EVENTS =
      List.of(
          new ChatStreamEvent.MessageStart(Role.ASSISTANT),
          new ChatStreamEvent.ContentBlockStart(0),
          new ChatStreamEvent.TextDelta(0, "Hel"),
          new ChatStreamEvent.TextDelta(0, "lo"),
          new ChatStreamEvent.ContentBlockStop(0),
          new ChatStreamEvent.MessageStop(StopReason.END_TURN),
          new ChatStreamEvent.Metadata(new TokenUsage(12, 40), 812));

  /** The signature of the reasoning of {@link #THINKING_EVENTS} and {@link #thinkingAnswer}. */
  static final String SIGNATURE = "c2lnbmVkIHJlYXNvbmluZw==";

  static final BinaryData REDACTED = new BinaryData(new byte[] {9, 8, 7});

  /**
   * A stream that reasons first: signed reasoning in block 0 (two pieces, then the signature),
   * redacted reasoning in block 1, the text in block 2.
   */
  static final List<ChatStreamEvent> THINKING_EVENTS =
      List.of(
          new ChatStreamEvent.MessageStart(Role.ASSISTANT),
          new ChatStreamEvent.ReasoningDelta(0, "Let me "),
          new ChatStreamEvent.ReasoningDelta(0, "think."),
          new ChatStreamEvent.ReasoningSignatureDelta(0, SIGNATURE),
          new ChatStreamEvent.ContentBlockStop(0),
          new ChatStreamEvent.RedactedReasoningDelta(1, REDACTED),
          new ChatStreamEvent.ContentBlockStop(1),
          new ChatStreamEvent.TextDelta(2, "Hello"),
          new ChatStreamEvent.ContentBlockStop(2),
          new ChatStreamEvent.MessageStop(StopReason.END_TURN),
          new ChatStreamEvent.Metadata(new TokenUsage(12, 40), 812));

  /** The whole answer of {@link #THINKING_EVENTS}. */
  static ConverseResult thinkingAnswer() {
    return answer(
        StopReason.END_TURN,
        new ReasoningBlock("Let me think.", Optional.of(SIGNATURE)),
        new RedactedReasoningBlock(REDACTED),
        new TextBlock("Hello"));
  }

  /** What a stream does with the observer; may throw to end the stream with a failure. */
  @FunctionalInterface
  interface StreamScript {
    void play(ConverseStreamObserver observer) throws InterruptedException;
  }

  @FunctionalInterface
  interface ConverseScript {
    ConverseResult answer();
  }

  static final Duration UPSTREAM_TIME = Duration.ofMillis(800);

  private final BlockingQueue<ConverseCommand> commands = new LinkedBlockingQueue<>();
  private final CompletableFuture<Optional<RuntimeException>> streamOutcome =
      new CompletableFuture<>();
  private volatile StreamScript streamScript = FakeConverseUseCase::hello;
  private volatile ConverseScript converseScript =
      () ->
          new ConverseResult(
              new ChatResponse(
                  ChatMessage.text(Role.ASSISTANT, "Hello"),
                  StopReason.END_TURN,
                  new TokenUsage(12, 40),
                  812,
                  MODEL),
              Optional.of(RATE_LIMIT),
              UPSTREAM_TIME);
  private volatile boolean ranOnVirtualThread;
  private volatile StopReason streamStopReason = StopReason.END_TURN;

  /** A whole answer of {@code content}, stopped for {@code reason}. */
  static ConverseResult answer(StopReason reason, ContentBlock... content) {
    return new ConverseResult(
        new ChatResponse(
            new ChatMessage(Role.ASSISTANT, List.of(content)),
            reason,
            new TokenUsage(12, 40),
            812,
            MODEL),
        Optional.empty(),
        Duration.ZERO);
  }

  /** The model's call of {@code name} with the input {@code {"<field>": "<value>"}}. */
  static ToolUseBlock toolUse(String id, String name, String field, String value) {
    return new ToolUseBlock(
        id, name, new JsonValue.JsonObject(Map.of(field, new JsonValue.JsonString(value))));
  }

  static void hello(ConverseStreamObserver observer) {
    observer.admitted(Optional.of(RATE_LIMIT));
    playAsRelayed(HELLO_EVENTS, observer);
  }

  /**
   * Gives the observer the events as the Bedrock adapter's relay does when the model is fast: the
   * first alone, the rest together, as they arrived while the first was written.
   */
  static void playAsRelayed(List<ChatStreamEvent> events, ConverseStreamObserver observer) {
    observer.accept(events.getFirst());
    observer.acceptEvents(events.subList(1, events.size()));
  }

  void streams(StreamScript script) {
    this.streamScript = script;
  }

  /** The stop reason a finished stream is summed up with. */
  void streamStopsFor(StopReason reason) {
    this.streamStopReason = reason;
  }

  void answers(ConverseScript script) {
    this.converseScript = script;
  }

  /** Makes both operations reason first: {@link #THINKING_EVENTS}, {@link #thinkingAnswer}. */
  void thinks() {
    answers(FakeConverseUseCase::thinkingAnswer);
    streams(
        observer -> {
          observer.admitted(Optional.empty());
          playAsRelayed(THINKING_EVENTS, observer);
        });
  }

  /** Makes both operations fail with {@code failure}, before anything was sent. */
  void failsWith(RuntimeException failure) {
    answers(
        () -> {
          throw failure;
        });
    streams(
        observer -> {
          throw failure;
        });
  }

  ConverseCommand lastCommand() {
    try {
      ConverseCommand command = commands.poll(5, TimeUnit.SECONDS);
      if (command == null) {
        throw new AssertionError("the use case was not called");
      }
      return command;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  boolean called() {
    return !commands.isEmpty();
  }

  /** Forgets the calls recorded so far, for a test that starts afresh on a shared server. */
  void forgetCalls() {
    commands.clear();
  }

  boolean ranOnVirtualThread() {
    return ranOnVirtualThread;
  }

  /** Completes when a stream ended: with what the observer threw, if anything. */
  CompletableFuture<Optional<RuntimeException>> streamOutcome() {
    return streamOutcome;
  }

  @Override
  public ConverseResult converse(ConverseCommand command) {
    commands.add(command);
    ranOnVirtualThread = Thread.currentThread().isVirtual();
    return converseScript.answer();
  }

  @Override
  public StreamSummary stream(ConverseCommand command, ConverseStreamObserver observer) {
    commands.add(command);
    ranOnVirtualThread = Thread.currentThread().isVirtual();
    try {
      streamScript.play(observer);
      streamOutcome.complete(Optional.empty());
      return new StreamSummary(streamStopReason, new TokenUsage(12, 40), 812, MODEL);
    } catch (RuntimeException failure) {
      streamOutcome.complete(Optional.of(failure));
      throw failure;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
