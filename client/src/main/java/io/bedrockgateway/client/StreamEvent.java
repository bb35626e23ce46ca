package io.bedrockgateway.client;

/**
 * The events of a streamed answer: Bedrock's ConverseStream events, as the gateway's native API
 * streams them ({@code {"messageStart":...}}, {@code {"contentBlockDelta":...}}, ...), and the same
 * whichever path served the call.
 */
public sealed interface StreamEvent {
  record MessageStart(String role) implements StreamEvent {}

  /** The start of a tool-use block (Bedrock sends none for text blocks). */
  record ToolUseStart(int index, String toolUseId, String name) implements StreamEvent {}

  record TextDelta(int index, String text) implements StreamEvent {}

  /** A piece of a tool call's input JSON text. */
  record ToolInputDelta(int index, String inputJson) implements StreamEvent {}

  /** A piece of the model's reasoning (its text, or the signature that ends it). */
  record ReasoningDelta(int index, String text, String signature) implements StreamEvent {}

  record ContentBlockStop(int index) implements StreamEvent {}

  record MessageStop(String stopReason) implements StreamEvent {}

  record Metadata(Usage usage, long latencyMs) implements StreamEvent {}
}
