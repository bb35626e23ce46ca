package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * {@code POST /bedrock/model/{modelId}/invoke}, {@code /invoke-with-response-stream} and {@code
 * /count-tokens} (of an InvokeModel body or a Converse request): Bedrock's InvokeModel API over the
 * gateway's invoke use case. The body goes to the model as sent; the answer comes back as the model
 * sent it, with Bedrock's token-count headers, and a stream's chunks are relayed one event-stream
 * frame each as they arrive.
 */
final class InvokeHandlers {
  static final String INPUT_TOKENS = "X-Amzn-Bedrock-Input-Token-Count";
  static final String OUTPUT_TOKENS = "X-Amzn-Bedrock-Output-Token-Count";
  static final String CACHE_READ_TOKENS = "X-Amzn-Bedrock-Cache-Read-Input-Token-Count";
  static final String CACHE_WRITE_TOKENS = "X-Amzn-Bedrock-Cache-Write-Input-Token-Count";
  static final String LATENCY = "X-Amzn-Bedrock-Invocation-Latency";
  static final String STREAM_CONTENT_TYPE = "X-Amzn-Bedrock-Content-Type";
  private static final String GUARDRAIL = "X-Amzn-Bedrock-GuardrailIdentifier";

  private final InvokeUseCase invoke;
  private final CountTokensUseCase countTokens;
  private final RejectionRecorder rejections;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final ObjectMapper json;
  private final HttpTimeouts timeouts;
  private final StreamFailures streamFailures;
  private final ConverseRequestMapper converseMapper = new ConverseRequestMapper();

  InvokeHandlers(EdgeServices edge) {
    this.invoke = edge.useCases().invoke();
    this.countTokens = edge.useCases().countTokens();
    this.rejections = edge.rejections();
    this.bodies = edge.bodies();
    this.facts = edge.facts();
    this.json = edge.json();
    this.timeouts = edge.timeouts();
    this.streamFailures = new StreamFailures(edge.timeouts());
  }

  void invoke(Context ctx) {
    InvokeResult result = invoke.invoke(read(ctx, Operation.INVOKE));
    InvocationResponse response = result.response();
    result.rateLimit().ifPresent(status -> GatewayHeaders.rateLimit(ctx, status));
    GatewayHeaders.servedModel(ctx, response.servedModel());
    response.usage().ifPresent(usage -> tokenHeaders(ctx, usage));
    ctx.header(LATENCY, Long.toString(result.upstreamTime().toMillis()));
    ctx.status(200).contentType(response.contentType()).result(response.body());
  }

  void invokeStream(Context ctx) {
    InvokeCommand command = read(ctx, Operation.INVOKE_STREAM);
    EventStreamWriter frames = new EventStreamWriter(ctx, json, timeouts.stream());
    ctx.header(STREAM_CONTENT_TYPE, "application/json");
    streamFailures.relay(
        frames,
        command.context().requestId(),
        () -> {
          invoke.stream(command, new ModelEventStream(ctx, frames))
              .usage()
              .ifPresent(usage -> RequestEnd.tokens(ctx, usage.tokens()));
          frames.complete();
        });
  }

  void countTokens(Context ctx) {
    CountTokensCommand command =
        rejections.commandOrRecord(
            ctx,
            Operation.COUNT_TOKENS,
            () -> {
              ModelId model = ConverseHandlers.modelId(ctx);
              CountTokensJson body = bodies.read(ctx, CountTokensJson.class);
              return new CountTokensCommand(
                  KeyGate.caller(ctx), model, counted(model, body), facts.context(ctx));
            });
    ctx.json(new CountTokensJson.Counted(countTokens.countTokens(command)));
  }

  /** An InvokeModel body, or a Converse request, to count. */
  private CountTokensCommand.Input counted(ModelId model, CountTokensJson body) {
    CountTokensJson.Input input = body.input();
    if (input == null) {
      throw new InvalidRequest("input: is required");
    }
    if (input.invokeModel() == null && input.converse() != null) {
      return new CountTokensCommand.Conversation(
          converseMapper.toChatRequest(model, converseInput(input.converse())));
    }
    return new CountTokensCommand.InvokeBody(invokeBody(input));
  }

  private ConverseRequestJson converseInput(JsonNode converse) {
    if (!converse.isObject()) {
      throw new InvalidRequest("input.converse: must be an object");
    }
    try {
      return json.treeToValue(converse, ConverseRequestJson.class);
    } catch (JacksonException malformed) {
      throw new InvalidRequest("input.converse: " + malformed.getOriginalMessage());
    }
  }

  private static InvocationBody invokeBody(CountTokensJson.Input input) {
    if (input.invokeModel() == null) {
      throw new InvalidRequest("input.invokeModel: is required, or input.converse");
    }
    String encoded = input.invokeModel().body();
    if (encoded == null) {
      throw new InvalidRequest("input.invokeModel.body: is required");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidRequest("input.invokeModel.body: must be base64-encoded");
    }
    return FieldPath.at("input.invokeModel.body", () -> InvocationBody.of(decoded));
  }

  private InvokeCommand read(Context ctx, Operation operation) {
    return rejections.commandOrRecord(
        ctx,
        operation,
        () -> {
          ModelId model = ConverseHandlers.modelId(ctx);
          if (ctx.header(GUARDRAIL) != null) {
            throw new InvalidRequest(
                GUARDRAIL
                    + ": guardrails are not supported through the gateway; send the"
                    + " request without it");
          }
          JsonBodyReader.Raw<InvokeBodyJson> body =
              bodies.readKeepingBytes(ctx, InvokeBodyJson.class);
          OptionalInt maxTokens =
              body.value().maxTokens() == null
                  ? OptionalInt.empty()
                  : OptionalInt.of(body.value().maxTokens());
          InvocationBody invocation = FieldPath.at("body", () -> InvocationBody.of(body.bytes()));
          return FieldPath.at(
              "max_tokens",
              () ->
                  new InvokeCommand(
                      KeyGate.caller(ctx), model, invocation, maxTokens, facts.context(ctx)));
        });
  }

  private static void tokenHeaders(Context ctx, TokenUsage usage) {
    RequestEnd.tokens(ctx, usage);
    ctx.header(INPUT_TOKENS, Long.toString(usage.inputTokens()));
    ctx.header(OUTPUT_TOKENS, Long.toString(usage.outputTokens()));
    if (usage.cacheReadInputTokens() > 0) {
      ctx.header(CACHE_READ_TOKENS, Long.toString(usage.cacheReadInputTokens()));
    }
    if (usage.cacheWriteInputTokens() > 0) {
      ctx.header(CACHE_WRITE_TOKENS, Long.toString(usage.cacheWriteInputTokens()));
    }
  }
}
