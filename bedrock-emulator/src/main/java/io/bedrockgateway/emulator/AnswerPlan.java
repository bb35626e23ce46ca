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
 * @param inputTokens the input tokens reported in the usage
 * @param timeToFirstToken the delay before the first token
 * @param tokenDelay the delay between two tokens
 * @param interruption a fault that ends the answer early, if the request asked for one
 */
record AnswerPlan(
    List<String> tokens,
    String stopReason,
    int inputTokens,
    Duration timeToFirstToken,
    Duration tokenDelay,
    Optional<Interruption> interruption) {

  AnswerPlan {
    tokens = List.copyOf(tokens);
  }

  /**
   * @throws BedrockServiceException a ValidationException for a malformed directive, or the error
   *     the request asked to be rejected with
   */
  static AnswerPlan of(ConverseRequest request, EmulatorSettings settings) {
    String lastUserText = request.lastUserText();
    Directives directives = Directives.parse(lastUserText);
    int requestedTokens = directives.answerTokens().orElse(settings.answerTokens());
    int answerTokens = Math.min(requestedTokens, request.maxTokens().orElse(Integer.MAX_VALUE));
    Optional<Interruption> interruption =
        switch (directives.fault().orElse(null)) {
          case null -> Optional.empty();
          case Reject(ServiceError error) -> throw new BedrockServiceException(error);
          case Interruption fault -> Optional.of(fault.within(answerTokens));
        };
    return new AnswerPlan(
        EmulatedAnswer.tokens(lastUserText, answerTokens),
        answerTokens < requestedTokens ? "max_tokens" : "end_turn",
        request.inputTokens(),
        directives.timeToFirstToken().orElse(settings.timeToFirstToken()),
        directives.tokenDelay().orElse(settings.tokenDelay()),
        interruption);
  }

  int outputTokens() {
    return tokens.size();
  }

  /** The tokens sent before the answer completes or is interrupted. */
  List<String> tokensToSend() {
    return tokens.subList(0, interruption.map(Interruption::deltas).orElse(outputTokens()));
  }

  /** How long the model takes to produce its first {@code tokenCount} tokens. */
  Duration timeToGenerate(int tokenCount) {
    if (tokenCount == 0) {
      return Duration.ZERO;
    }
    return timeToFirstToken.plus(tokenDelay.multipliedBy(tokenCount - 1L));
  }
}
