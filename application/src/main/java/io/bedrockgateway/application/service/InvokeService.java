package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.application.port.in.InvokeResult;
import io.bedrockgateway.application.port.in.InvokeStreamObserver;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenEstimate;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import io.bedrockgateway.domain.invoke.StreamUsage;
import io.bedrockgateway.domain.usage.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Model invocations with a body in the model's own format, through the chat flow: key, plan,
 * admission, model call, settlement, usage record.
 */
public final class InvokeService implements InvokeUseCase {
  private final ModelCallFlow flow;
  private final RawInvoker raw;
  private final ConverseSettings settings;

  /**
   * @param settings the chat settings: what a body without {@code max_tokens} reserves
   */
  public InvokeService(ModelCallFlow flow, RawInvoker raw, ConverseSettings settings) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.raw = Objects.requireNonNull(raw, "raw");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public InvokeResult invoke(InvokeCommand command) {
    InvocationBody body = command.body();
    return flow.run(
        call(command, Operation.INVOKE),
        (admission, trace) -> {
          InvocationResponse response = trace.upstream(() -> raw.invoke(admission.route(), body));
          if (response.usage().isPresent()) {
            trace.served(response.servedModel(), response.usage().get());
          } else {
            trace.servedBy(response.servedModel());
            trace.estimated(
                new TokenUsage(
                    body.estimatedPromptTokens(),
                    TokenEstimate.of(new String(response.body(), StandardCharsets.UTF_8))));
          }
          return new InvokeResult(response, admission.rateLimit(), trace.upstreamTime());
        });
  }

  @Override
  public InvocationSummary stream(InvokeCommand command, InvokeStreamObserver observer) {
    InvocationBody body = command.body();
    return flow.run(
        call(command, Operation.INVOKE_STREAM),
        (admission, trace) -> {
          observer.admitted(admission.rateLimit());
          ChunkMeter meter = new ChunkMeter(observer, trace);
          try {
            InvocationSummary summary =
                trace.upstream(() -> raw.invokeStream(admission.route(), body, meter));
            trace.servedBy(summary.servedModel());
            return summary;
          } finally {
            settleStream(body, meter.progress(), trace);
          }
        });
  }

  /**
   * A stream's usage: the model's final count once it reported it, even if the client left while it
   * was being written; else, if the model answered at all, the counts it reported so far (the
   * prompt's, from the stream's start) with the output delivered estimated where that is more, or
   * the whole usage estimated if it reported none. A stream the model never began used nothing.
   */
  private static void settleStream(
      InvocationBody body, StreamProgress<StreamUsage> progress, UsageTrace trace) {
    Optional<StreamUsage> reported = progress.reported();
    if (reported.isPresent() && reported.get().complete()) {
      trace.reported(reported.get().tokens());
      return;
    }
    if (!progress.hasBegun()) {
      return;
    }
    long output = progress.outputTokens();
    trace.estimated(
        reported
            .map(StreamUsage::tokens)
            .map(
                soFar ->
                    new TokenUsage(
                        soFar.inputTokens(),
                        Math.max(soFar.outputTokens(), output),
                        soFar.cacheReadInputTokens(),
                        soFar.cacheWriteInputTokens()))
            .orElseGet(() -> new TokenUsage(body.estimatedPromptTokens(), output)));
  }

  private ModelCallFlow.Call call(InvokeCommand command, Operation operation) {
    InvocationBody body = command.body();
    long output = command.maxTokens().orElse(settings.outputTokensToReserve());
    long prompt = body.estimatedPromptTokens();
    // a prompt with a cache marker is reckoned as written to the cache, which costs the most
    TokenUsage ceiling =
        body.usesPromptCache()
            ? new TokenUsage(0, output, 0, prompt)
            : new TokenUsage(prompt, output);
    return new ModelCallFlow.Call(
        operation,
        command.caller(),
        command.context(),
        command.model(),
        ModelOperation.CHAT,
        Set.of(),
        ModelCallFlow.DemandEstimate.tokens(ceiling, operation.streamed()));
  }

  /**
   * Passes chunks on and measures what the model produced, for first-token time and estimates. It
   * takes note of the usage a chunk reports before it passes the chunk on, so that a client that
   * leaves while that chunk is written cannot make the count be lost.
   */
  private static final class ChunkMeter implements InvocationStreamSink {
    private final InvokeStreamObserver observer;
    private final UsageTrace trace;
    private final StreamProgress<StreamUsage> progress;

    ChunkMeter(InvokeStreamObserver observer, UsageTrace trace) {
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
    public void accept(InvocationChunk chunk) {
      measure(chunk);
      observer.accept(chunk);
    }

    @Override
    public void acceptChunks(List<InvocationChunk> chunks) {
      chunks.forEach(this::measure);
      observer.acceptChunks(chunks);
    }

    private void measure(InvocationChunk chunk) {
      progress.began();
      if (!chunk.output().isEmpty()) {
        progress.produced(chunk.output());
      }
      chunk.usage().ifPresent(progress::reported);
    }

    StreamProgress<StreamUsage> progress() {
      return progress;
    }
  }
}
