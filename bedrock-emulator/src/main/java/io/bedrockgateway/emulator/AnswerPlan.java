package io.bedrockgateway.emulator;

import io.bedrockgateway.emulator.Fault.Interruption;
import io.bedrockgateway.emulator.Fault.Reject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the emulator sends for one request, decided before the first byte.
 *
 * @param tokens the answer, one token per {@code contentBlockDelta}
 * @param stopReason {@code end_turn}, or {@code max_tokens} when maxTokens cut the answer
 * @param inputTokens the input tokens reported in the usage: the prompt's, less what it read from
 *     or wrote to the prompt cache
 * @param cache the prompt-cache tokens reported in the usage
 * @param timeToFirstToken the delay before the first token
 * @param tokenDelay the delay between two tokens
 * @param interruption a fault that ends the answer early, if the request asked for one
 * @param toolCall the tool call that follows the text, if the request asked for one
 */
record AnswerPlan(
    List<String> tokens,
    String stopReason,
    int inputTokens,
    PromptCache.Use cache,
    Duration timeToFirstToken,
    Duration tokenDelay,
    Optional<Interruption> interruption,
    Optional<ToolCall> toolCall) {

  AnswerPlan {
    tokens = List.copyOf(tokens);
  }

  /**
   * @throws BedrockServiceException a ValidationException for a malformed directive, or the error
   *     the request asked to be rejected with
   */
  static AnswerPlan of(
      ConverseRequest request,
      EmulatorSettings settings,
      FaultGate faults,
      PromptCache promptCache,
      RequestOrigin origin) {
    String lastUserText = request.lastUserText();
    Directives directives = Directives.parse(lastUserText);
    int requestedTokens = directives.answerTokens().orElse(settings.answerTokens());
    int answerTokens = Math.min(requestedTokens, request.maxTokens().orElse(Integer.MAX_VALUE));
    Optional<Interruption> interruption =
        switch (faults.fault(directives, origin, lastUserText).orElse(null)) {
          case null -> Optional.empty();
          case Reject(ServiceError error) -> throw new BedrockServiceException(error);
          case Interruption fault -> Optional.of(fault.within(answerTokens));
        };
    List<String> tokens =
        directives.japanese()
            ? EmulatedAnswer.japaneseTokens(lastUserText, answerTokens)
            : EmulatedAnswer.tokens(lastUserText, answerTokens);
    Optional<ToolCall> toolCall =
        directives
            .toolUse()
            .filter(ignored -> answerTokens == requestedTokens)
            .map(name -> ToolCall.of(tool(request, name), tokens, lastUserText));
    PromptCache.Use cache = promptCache.use(origin.modelId(), request.cachedPrefix());
    String stopReason =
        toolCall.isPresent()
            ? "tool_use"
            : answerTokens < requestedTokens ? "max_tokens" : "end_turn";
    return new AnswerPlan(
        tokens,
        stopReason,
        request.inputTokens() - cache.readTokens() - cache.writeTokens(),
        cache,
        directives.timeToFirstToken().orElse(settings.timeToFirstToken()),
        directives.tokenDelay().orElse(settings.tokenDelay()),
        interruption,
        toolCall);
  }

  private static ConverseRequest.Tool tool(ConverseRequest request, String name) {
    return request.tools().stream()
        .filter(tool -> name.equals(Directives.FIRST_TOOL) || tool.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                BedrockServiceException.validation(
                    "Emulator directive [emulator:tool-use] needs a toolConfig"
                        + (name.equals(Directives.FIRST_TOOL) ? "" : " with the tool " + name)));
  }

  int outputTokens() {
    return tokens.size()
        + toolCall.map(call -> EmulatedUsage.inputTokens(List.of(call.inputJson()))).orElse(0);
  }

  /** The tokens sent before the answer completes or is interrupted. */
  List<String> tokensToSend() {
    return tokens.subList(0, interruption.map(Interruption::deltas).orElse(tokens.size()));
  }

  /** How long the model takes to produce its first {@code tokenCount} tokens. */
  Duration timeToGenerate(int tokenCount) {
    if (tokenCount == 0) {
      return Duration.ZERO;
    }
    return timeToFirstToken.plus(tokenDelay.multipliedBy(tokenCount - 1L));
  }
}
