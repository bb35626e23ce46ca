package io.bedrockgateway.adapter.http.anthropic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bedrockgateway.adapter.http.common.EdgeServices;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.adapter.http.common.StreamFailures;
import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.application.port.in.InvokeResult;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code POST /v1/messages} (whole or streamed) and {@code POST /v1/messages/count_tokens}: Claude
 * through Bedrock's InvokeModel, with the body Bedrock expects ({@link MessagesTranslator}), the
 * answer as Claude wrote it, and the stream as Anthropic's events.
 */
final class MessagesHandlers {
  static final String BETA_HEADER = "anthropic-beta";

  /** The answer of {@code count_tokens}. */
  record Counted(@JsonProperty("input_tokens") long inputTokens) {}

  private final InvokeUseCase invoke;
  private final CountTokensUseCase countTokens;
  private final RejectionRecorder rejections;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final StreamFailures streamFailures;
  private final MessagesTranslator translator;
  private final AnthropicSettings settings;
  private final ScheduledExecutorService pings;

  MessagesHandlers(EdgeServices edge, AnthropicSettings settings, ScheduledExecutorService pings) {
    this.invoke = edge.useCases().invoke();
    this.countTokens = edge.useCases().countTokens();
    this.rejections = edge.rejections();
    this.bodies = edge.bodies();
    this.facts = edge.facts();
    this.json = edge.json();
    this.timeouts = edge.timeouts();
    this.streamFailures = new StreamFailures(edge.timeouts());
    this.translator = new MessagesTranslator(settings, edge.json());
    this.settings = settings;
    this.pings = pings;
  }

  /** A Messages request to run, and whether to stream its answer. */
  private record Call(InvokeCommand command, boolean stream) {}

  void messages(Context ctx) {
    Call call =
        rejections.commandOrRecord(
            ctx,
            Operation.INVOKE,
            () -> {
              MessagesTranslator.Translated request = translate(ctx, true);
              InvokeCommand command =
                  FieldPath.at(
                      "max_tokens",
                      () ->
                          new InvokeCommand(
                              KeyGate.caller(ctx),
                              request.model(),
                              request.body(),
                              request.maxTokens(),
                              facts.context(ctx)));
              return new Call(command, request.stream());
            });
    InvokeCommand command = call.command();
    if (call.stream()) {
      stream(ctx, command);
      return;
    }
    InvokeResult result = invoke.invoke(command);
    result.rateLimit().ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    GatewayHeaders.servedModel(ctx, result.response().servedModel());
    result.response().usage().ifPresent(usage -> RequestEnd.tokens(ctx, usage));
    ctx.status(200).contentType("application/json").result(result.response().body());
  }

  private void stream(Context ctx, InvokeCommand command) {
    try (AnthropicEventStream events =
        new AnthropicEventStream(ctx, json, timeouts.stream(), pings, settings.pingInterval())) {
      streamFailures.relay(
          events,
          command.context().requestId(),
          () -> {
            invoke.stream(command, events)
                .usage()
                .ifPresent(usage -> RequestEnd.tokens(ctx, usage.tokens()));
            events.complete();
          });
    }
  }

  void countTokens(Context ctx) {
    CountTokensCommand command =
        rejections.commandOrRecord(
            ctx,
            Operation.COUNT_TOKENS,
            () -> {
              MessagesTranslator.Translated request = translate(ctx, false);
              return new CountTokensCommand(
                  KeyGate.caller(ctx), request.model(), request.body(), facts.context(ctx));
            });
    long counted = countTokens.countTokens(command);
    ctx.json(new Counted(counted));
  }

  private MessagesTranslator.Translated translate(Context ctx, boolean requireMaxTokens) {
    return translator.translate(
        bodies.read(ctx, ObjectNode.class),
        Optional.ofNullable(ctx.header(BETA_HEADER)),
        requireMaxTokens);
  }
}
