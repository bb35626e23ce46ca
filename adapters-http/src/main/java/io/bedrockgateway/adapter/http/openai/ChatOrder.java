package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.application.port.in.ConverseCommand;
import java.util.Objects;

/**
 * A chat request as the use case takes it, with what shapes its answer.
 *
 * @param model the model as the client named it, echoed in the answer
 * @param includeUsage whether a stream ends with a usage chunk ({@code stream_options})
 */
record ChatOrder(
    ConverseCommand command,
    String model,
    boolean stream,
    boolean includeUsage,
    AnswerFormat format) {
  ChatOrder {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(format, "format");
  }
}
