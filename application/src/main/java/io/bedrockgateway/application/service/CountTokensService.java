package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.usage.Operation;
import java.util.Objects;
import java.util.Set;

/**
 * Counts an InvokeModel body's input tokens through the flow every model call takes: the key's
 * allowed models, one admission (a request, no tokens), the count, one usage record.
 */
public final class CountTokensService implements CountTokensUseCase {
  private final ModelCallFlow flow;
  private final RawInvoker raw;

  public CountTokensService(ModelCallFlow flow, RawInvoker raw) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.raw = Objects.requireNonNull(raw, "raw");
  }

  @Override
  public long countTokens(CountTokensCommand command) {
    return flow.run(
        new ModelCallFlow.Call(
            Operation.COUNT_TOKENS,
            command.caller(),
            command.context(),
            command.model(),
            ModelOperation.CHAT,
            Set.of(),
            ModelCallFlow.DemandEstimate.tokens(TokenUsage.NONE, false)),
        (admission, trace) -> {
          long counted = trace.upstream(() -> raw.countTokens(admission.route(), command.body()));
          trace.servedBy(admission.route().primaryModel());
          return counted;
        });
  }
}
