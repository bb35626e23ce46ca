package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.media.BinaryData;
import java.util.Objects;

/** The events of a streamed answer, in the order a model emits them. */
public sealed interface ChatStreamEvent {

  record MessageStart(Role role) implements ChatStreamEvent {
    public MessageStart {
      Objects.requireNonNull(role, "role");
    }
  }

  record ContentBlockStart(int index) implements ChatStreamEvent {
    public ContentBlockStart {
      requireIndex(index);
    }
  }

  /** A tool-use block begins: the model asks for the tool {@code name}. */
  record ToolUseStart(int index, String toolUseId, String name) implements ChatStreamEvent {
    public ToolUseStart {
      requireIndex(index);
      Objects.requireNonNull(toolUseId, "toolUseId");
      Objects.requireNonNull(name, "name");
    }
  }

  record TextDelta(int index, String text) implements ChatStreamEvent {
    public TextDelta {
      requireIndex(index);
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A piece of the model's reasoning (extended thinking), streamed before its answer; Bedrock
   * counts it as output.
   */
  record ReasoningDelta(int index, String text) implements ChatStreamEvent {
    public ReasoningDelta {
      requireIndex(index);
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The signature of a reasoning block, after its text: the model checks it when the reasoning
   * comes back in a later turn. It is not output of its own.
   */
  record ReasoningSignatureDelta(int index, String signature) implements ChatStreamEvent {
    public ReasoningSignatureDelta {
      requireIndex(index);
      Objects.requireNonNull(signature, "signature");
      if (signature.isBlank()) {
        throw new IllegalArgumentException("signature must not be blank");
      }
    }
  }

  /** Reasoning the model provider encrypted: opaque bytes, counted as output by the model. */
  record RedactedReasoningDelta(int index, BinaryData data) implements ChatStreamEvent {
    public RedactedReasoningDelta {
      requireIndex(index);
      Objects.requireNonNull(data, "data");
    }
  }

  /** A piece of a tool's input: the pieces of a block, joined, are the input as JSON text. */
  record ToolUseDelta(int index, String input) implements ChatStreamEvent {
    public ToolUseDelta {
      requireIndex(index);
      Objects.requireNonNull(input, "input");
    }
  }

  record ContentBlockStop(int index) implements ChatStreamEvent {
    public ContentBlockStop {
      requireIndex(index);
    }
  }

  record MessageStop(StopReason stopReason) implements ChatStreamEvent {
    public MessageStop {
      Objects.requireNonNull(stopReason, "stopReason");
    }
  }

  record Metadata(TokenUsage usage, long latencyMs) implements ChatStreamEvent {
    public Metadata {
      Objects.requireNonNull(usage, "usage");
    }
  }

  private static void requireIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("content block index must not be negative");
    }
  }
}
