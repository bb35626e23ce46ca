package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.usage.Operation;
import java.util.Objects;
import java.util.Set;

/**
 * Counts the input tokens of an InvokeModel body or a conversation through the flow every model
 * call takes: the key's allowed models, one admission (a request, no tokens), the count, one usage
 * record.
 */
public final class CountTokensService implements CountTokensUseCase {
  private final ModelCallFlow flow;
  private final RawInvoker raw;
  private final ChatInvoker chat;

  public CountTokensService(ModelCallFlow flow, RawInvoker raw, ChatInvoker chat) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.raw = Objects.requireNonNull(raw, "raw");
    this.chat = Objects.requireNonNull(chat, "chat");
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
          long counted =
              trace.upstream(
                  () ->
                      switch (command.input()) {
                        case CountTokensCommand.InvokeBody invoke ->
                            raw.countTokens(admission.route(), invoke.body());
                        case CountTokensCommand.Conversation conversation ->
                            chat.countTokens(admission.route(), conversation.request());
                      });
          trace.servedBy(admission.route().primaryModel());
          return counted;
        });
  }
}
