package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.DocumentBlock;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.usage.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The chat flow: key, plan, admission, model call, settlement, usage record. */
public final class ConverseService implements ConverseUseCase {
  private final ModelCallFlow flow;
  private final ChatInvoker chat;
  private final ConverseSettings settings;
  private final TokenCounter tokenCounter;
  private final RemoteImages remoteImages;

  /**
   * @param tokenCounter counts the prompt of a stream whose client left before the model reported
   *     its usage, where the model can
   * @param remoteImages fetches the images a request names by URL, once it is admitted
   */
  public ConverseService(
      ModelCallFlow flow,
      ChatInvoker chat,
      ConverseSettings settings,
      TokenCounter tokenCounter,
      RemoteImages remoteImages) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.tokenCounter = Objects.requireNonNull(tokenCounter, "tokenCounter");
    this.remoteImages = Objects.requireNonNull(remoteImages, "remoteImages");
  }

  /** A service that fetches no image named by URL. */
  public ConverseService(
      ModelCallFlow flow, ChatInvoker chat, ConverseSettings settings, TokenCounter tokenCounter) {
    this(flow, chat, settings, tokenCounter, RemoteImages.none());
  }

  /** A service that estimates the prompt of a stream cut short, and never counts it. */
  public ConverseService(ModelCallFlow flow, ChatInvoker chat, ConverseSettings settings) {
    this(flow, chat, settings, TokenCounter.NONE);
  }

  @Override
  public ConverseResult converse(ConverseCommand command) {
    return flow.run(
        call(command, Operation.CONVERSE, false),
        (admission, trace) -> {
          // fetched only now: a caller refused by its key, model or limits fetches nothing
          ChatRequest request = remoteImages.resolve(command.request());
          ChatResponse response = trace.upstream(() -> chat.converse(admission.route(), request));
          trace.served(response.servedModel(), response.usage());
          return new ConverseResult(response, admission.rateLimit(), trace.upstreamTime());
        });
  }

  @Override
  public StreamSummary stream(ConverseCommand command, ConverseStreamObserver observer) {
    return flow.run(
        call(command, Operation.CONVERSE_STREAM, true),
        (admission, trace) -> {
          ChatRequest request = remoteImages.resolve(command.request());
          observer.admitted(admission.rateLimit());
          OutputMeter meter = new OutputMeter(observer, trace);
          try {
            StreamSummary summary =
                trace.upstream(() -> chat.converseStream(admission.route(), request, meter));
            trace.servedBy(summary.servedModel());
            settleStream(request, meter, trace, false);
            return summary;
          } catch (RuntimeException failure) {
            settleStream(request, meter, trace, failure instanceof ClientCancelled);
            throw failure;
          }
        });
  }

  /**
   * A stream's usage: the model's own count once its metadata event arrived, even if the client
   * left while it was being written; else, if the model answered at all, the prompt and the output
   * delivered, estimated. When the client left, nobody waits for the answer to end, so the model
   * may count the prompt itself (CountTokens) instead. A stream the model never began used nothing.
   */
  private void settleStream(
      ChatRequest request, OutputMeter meter, UsageTrace trace, boolean clientLeft) {
    if (meter.reported().isPresent()) {
      trace.reported(meter.reported().get());
      return;
    }
    if (!meter.began()) {
      return;
    }
    TokenUsage estimate = TokenEstimates.produced(request, meter.outputQuarters());
    OptionalLong counted =
        clientLeft
            ? trace
                .model()
                .map(model -> tokenCounter.inputTokens(model, request))
                .orElse(OptionalLong.empty())
            : OptionalLong.empty();
    if (counted.isPresent()) {
      trace.counted(new TokenUsage(counted.getAsLong(), estimate.outputTokens()));
    } else {
      trace.estimated(estimate);
    }
  }

  private ModelCallFlow.Call call(ConverseCommand command, Operation operation, boolean stream) {
    ChatRequest request = command.request();
    TokenUsage ceiling = TokenEstimates.ceiling(request, settings.outputTokensToReserve());
    return new ModelCallFlow.Call(
        operation,
        command.caller(),
        command.context(),
        request.model().orElse(settings.defaultChatModel()),
        ModelOperation.CHAT,
        attachments(request),
        ModelCallFlow.DemandEstimate.tokens(ceiling, stream));
  }

  private static Set<InputModality> attachments(ChatRequest request) {
    Set<InputModality> reads = EnumSet.noneOf(InputModality.class);
    if (request.hasAttachment(ImageBlock.class) || request.hasAttachment(RemoteImageBlock.class)) {
      reads.add(InputModality.IMAGE);
    }
    if (request.hasAttachment(DocumentBlock.class)) {
      reads.add(InputModality.DOCUMENT);
    }
    return reads;
  }

  /**
   * Passes events on and measures what the model produced, for first-token time and estimates. It
   * takes note of the model's usage before it passes the metadata event on, so that a client that
   * leaves while that event is written cannot make the count be lost.
   */
  private static final class OutputMeter implements ChatStreamSink {
    private final ConverseStreamObserver observer;
    private final UsageTrace trace;
    private final StreamProgress<TokenUsage> progress;

    OutputMeter(ConverseStreamObserver observer, UsageTrace trace) {
      this.observer = observer;
      this.trace = trace;
      this.progress = new StreamProgress<>(trace);
    }

    @Override
    public void serving(ModelId model) {
      trace.servedBy(model);
      observer.serving(model);
    }

    @Override
    public void accept(ChatStreamEvent event) {
      measure(event);
      observer.accept(event);
    }

    @Override
    public void acceptEvents(List<ChatStreamEvent> events) {
      events.forEach(this::measure);
      observer.acceptEvents(events);
    }

    private void measure(ChatStreamEvent event) {
      progress.began();
      switch (event) {
        case ChatStreamEvent.TextDelta delta -> progress.produced(delta.text());
        case ChatStreamEvent.ReasoningDelta delta -> progress.produced(delta.text());
        case ChatStreamEvent.RedactedReasoningDelta delta ->
            progress.producedOpaque(delta.data().size());
        case ChatStreamEvent.ToolUseDelta delta -> progress.produced(delta.input());
        case ChatStreamEvent.Metadata metadata -> progress.reported(metadata.usage());
        default -> {}
      }
    }

    /** Whether the model sent anything. */
    boolean began() {
      return progress.hasBegun();
    }

    /** The usage of the model's metadata event, once it arrived. */
    Optional<TokenUsage> reported() {
      return progress.reported();
    }

    long outputQuarters() {
      return progress.outputQuarters();
    }
  }
}
