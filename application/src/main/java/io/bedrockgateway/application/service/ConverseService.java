package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseResult;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.ModelInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.usage.Operation;
import java.time.Clock;
import java.util.Objects;

/** The chat flow: key, plan, admission, model call, settlement, usage record. */
public final class ConverseService implements ConverseUseCase {
  private final Authenticator authenticator;
  private final QuotaCounter quotaCounter;
  private final ModelInvoker modelInvoker;
  private final UsageLedger usageLedger;
  private final Clock clock;
  private final ConverseSettings settings;
  private final Pricing pricing;

  public ConverseService(
      KeyStore keyStore,
      QuotaCounter quotaCounter,
      ModelInvoker modelInvoker,
      UsageLedger usageLedger,
      Clock clock,
      ConverseSettings settings) {
    this.authenticator = new Authenticator(keyStore, clock);
    this.quotaCounter = Objects.requireNonNull(quotaCounter, "quotaCounter");
    this.modelInvoker = Objects.requireNonNull(modelInvoker, "modelInvoker");
    this.usageLedger = Objects.requireNonNull(usageLedger, "usageLedger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pricing = new Pricing(settings.prices());
  }

  @Override
  public ConverseResult converse(ConverseCommand command) {
    UsageTrace trace = new UsageTrace(command.context(), Operation.CONVERSE, clock, pricing);
    try {
      Admission admission = admit(command, trace, false);
      try {
        ChatResponse response = modelInvoker.converse(admission.request());
        trace.served(response.servedModel(), response.usage());
        usageLedger.append(trace.succeeded());
        return new ConverseResult(response, admission.decision().status());
      } finally {
        quotaCounter.settle(admission.decision().reservation(), trace.consumption());
      }
    } catch (RuntimeException failure) {
      usageLedger.append(trace.failed(failure));
      throw failure;
    }
  }

  @Override
  public StreamSummary stream(ConverseCommand command, ConverseStreamObserver observer) {
    UsageTrace trace = new UsageTrace(command.context(), Operation.CONVERSE_STREAM, clock, pricing);
    try {
      Admission admission = admit(command, trace, true);
      observer.admitted(admission.decision().status());
      OutputMeter meter = new OutputMeter(observer, trace);
      try {
        StreamSummary summary = modelInvoker.converseStream(admission.request(), meter);
        trace.served(summary.servedModel(), summary.usage());
        usageLedger.append(trace.succeeded());
        return summary;
      } catch (RuntimeException failure) {
        trace.usage(TokenEstimates.produced(admission.request(), meter.outputCharacters()));
        throw failure;
      } finally {
        quotaCounter.settle(admission.decision().reservation(), trace.consumption());
      }
    } catch (RuntimeException failure) {
      usageLedger.append(trace.failed(failure));
      throw failure;
    }
  }

  private Admission admit(ConverseCommand command, UsageTrace trace, boolean stream) {
    Principal principal = authenticator.authenticate(command.apiKey());
    trace.principal(principal);
    ModelId model = command.request().model().orElse(settings.defaultChatModel());
    trace.requestedModel(model);
    if (!principal.mayUse(model)) {
      throw new Forbidden("this API key may not use model " + model);
    }
    ChatRequest request = command.request().withModel(model);
    TokenUsage ceiling = TokenEstimates.ceiling(request, settings.outputTokensToReserve());
    Demand demand =
        new Demand(
            ceiling.totalTokens(), settings.prices().cost(model, ceiling).orElse(Usd.ZERO), stream);
    return switch (quotaCounter.admit(principal, command.context().requestId(), demand)) {
      case AdmissionDecision.Admitted admitted -> new Admission(request, admitted);
      case AdmissionDecision.Denied denied ->
          throw new RateLimited(denied.limit(), denied.retryAfter(), denied.status());
    };
  }

  private record Admission(ChatRequest request, AdmissionDecision.Admitted decision) {}

  /** Passes events on and measures what the model produced, for first-token time and estimates. */
  private static final class OutputMeter implements ChatStreamSink {
    private final ConverseStreamObserver observer;
    private final UsageTrace trace;
    private long outputCharacters;

    OutputMeter(ConverseStreamObserver observer, UsageTrace trace) {
      this.observer = observer;
      this.trace = trace;
    }

    @Override
    public void accept(ChatStreamEvent event) {
      if (event instanceof ChatStreamEvent.TextDelta delta) {
        trace.firstTokenNow();
        outputCharacters += delta.text().length();
      }
      observer.accept(event);
    }

    long outputCharacters() {
      return outputCharacters;
    }
  }
}
