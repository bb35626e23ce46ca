package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.domain.chat.StopReason;

/** Bedrock's stop reasons as OpenAI's {@code finish_reason} and the Responses API's status. */
final class FinishReasons {
  private FinishReasons() {}

  /**
   * {@code stop}, {@code length}, {@code tool_calls} or {@code content_filter}; a call of the
   * answer's own tool ({@link AnswerFormat}) is the answer, so {@code stop}.
   */
  static String of(StopReason reason, boolean answerToolCalled) {
    return switch (reason) {
      case TOOL_USE -> answerToolCalled ? "stop" : "tool_calls";
      case MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED -> "length";
      case GUARDRAIL_INTERVENED, CONTENT_FILTERED -> "content_filter";
      default -> "stop";
    };
  }
}
