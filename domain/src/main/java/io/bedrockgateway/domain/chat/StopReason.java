package io.bedrockgateway.domain.chat;

import java.util.Arrays;

/** Why the model stopped generating. */
public enum StopReason {
  END_TURN("end_turn"),
  TOOL_USE("tool_use"),
  MAX_TOKENS("max_tokens"),
  STOP_SEQUENCE("stop_sequence"),
  GUARDRAIL_INTERVENED("guardrail_intervened"),
  CONTENT_FILTERED("content_filtered"),
  MALFORMED_MODEL_OUTPUT("malformed_model_output"),
  MALFORMED_TOOL_USE("malformed_tool_use"),
  MODEL_CONTEXT_WINDOW_EXCEEDED("model_context_window_exceeded"),
  UNKNOWN("unknown");

  private final String wireName;

  StopReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static StopReason fromWireName(String wireName) {
    return Arrays.stream(values())
        .filter(reason -> reason.wireName.equals(wireName))
        .findFirst()
        .orElse(UNKNOWN);
  }
}
