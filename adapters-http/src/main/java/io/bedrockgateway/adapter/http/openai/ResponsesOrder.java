package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.application.port.in.ConverseCommand;
import java.util.Objects;

/**
 * A Responses request as the use case takes it, with what its answer repeats of it.
 *
 * @param request the body as sent, whose settings the answer echoes
 */
record ResponsesOrder(ConverseCommand command, ResponsesJson.Request request, AnswerFormat format) {
  ResponsesOrder {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(format, "format");
  }

  boolean stream() {
    return Boolean.TRUE.equals(request.stream());
  }
}
