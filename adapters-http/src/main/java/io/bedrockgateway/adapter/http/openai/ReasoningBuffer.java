package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.Optional;

/**
 * A reasoning block as a stream brings it, for the surfaces that send each block whole once it
 * ends: its text in pieces, then its signature; or the redacted bytes.
 */
final class ReasoningBuffer {
  private final int index;
  private final StringBuilder text = new StringBuilder();
  private String signature;
  private BinaryData redacted;

  ReasoningBuffer(int index) {
    this.index = index;
  }

  int index() {
    return index;
  }

  /** Takes in a reasoning event of this block; others are not its business. */
  void accept(ChatStreamEvent event) {
    switch (event) {
      case ChatStreamEvent.ReasoningDelta piece -> text.append(piece.text());
      case ChatStreamEvent.ReasoningSignatureDelta signed -> signature = signed.signature();
      case ChatStreamEvent.RedactedReasoningDelta opaque -> redacted = opaque.data();
      default -> {}
    }
  }

  String text() {
    return text.toString();
  }

  /** The whole block; empty when the stream brought nothing of it. */
  Optional<ContentBlock> block() {
    if (redacted != null) {
      return Optional.of(new RedactedReasoningBlock(redacted));
    }
    if (text.isEmpty() && signature == null) {
      return Optional.empty();
    }
    return Optional.of(new ReasoningBlock(text.toString(), Optional.ofNullable(signature)));
  }
}
