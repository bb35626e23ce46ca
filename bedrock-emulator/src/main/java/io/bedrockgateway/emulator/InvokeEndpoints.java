package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.emulator.Fault.Reject;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Serves InvokeModel for the embedding and image models (Claude models go to {@link
 * ClaudeEndpoints}), and CountTokens. Directives are read from the request's text (the input text,
 * the texts, or the prompt); InvokeModel honours the fault directives that reject a request.
 */
final class InvokeEndpoints {
  private final RequestJournal journal;
  private final FaultGate faults;
  private final ClaudeEndpoints claude;

  InvokeEndpoints(RequestJournal journal, FaultGate faults, ClaudeEndpoints claude) {
    this.journal = journal;
    this.faults = faults;
    this.claude = claude;
  }

  void invoke(Context ctx) throws InterruptedException {
    long startNanos = System.nanoTime();
    RequestOrigin origin = ConverseEndpoints.record(ctx, BedrockOperation.INVOKE, journal);
    InferenceProfiles.requireOnDemandCapable(origin.modelId());
    if (ClaudeEndpoints.serves(origin.modelId())) {
      claude.invoke(ctx, origin, startNanos);
      return;
    }
    String base = baseModelId(origin.modelId());
    InvokeAnswer.Model model =
        EmbeddingModels.forBaseModel(base)
            .or(() -> ImageModels.forBaseModel(base))
            .orElseThrow(
                () ->
                    BedrockServiceException.validation(
                        "The provided model identifier is invalid."));
    JsonNode request = object(ctx.bodyAsBytes());
    String text = model.text(request);
    switch (faults.fault(Directives.parse(text), origin, text).orElse(null)) {
      case null -> {}
      case Reject(ServiceError error) -> throw new BedrockServiceException(error);
      default ->
          throw BedrockServiceException.validation(
              "Emulator directives fail-after and stall-after apply to Converse only");
    }
    InvokeAnswer answer = model.answer(request);
    ctx.header("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(answer.inputTokens()));
    ctx.header("X-Amzn-Bedrock-Output-Token-Count", Integer.toString(answer.outputTokens()));
    ctx.header(
        "X-Amzn-Bedrock-Invocation-Latency",
        Long.toString(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos)));
    ctx.contentType("application/json");
    ctx.result(WireJson.write(answer.body()));
  }

  /** InvokeModelWithResponseStream, which the emulator serves for Claude models. */
  void invokeStream(Context ctx) throws IOException, InterruptedException {
    claude.invokeStream(ctx);
  }

  /**
   * CountTokens: the input tokens a Converse request (its messages and system) or an InvokeModel
   * body would be charged; a Claude body is checked and counted as InvokeModel counts it, cached
   * tokens included.
   */
  void countTokens(Context ctx) {
    RequestOrigin origin = ConverseEndpoints.record(ctx, BedrockOperation.COUNT_TOKENS, journal);
    JsonNode input = object(ctx.bodyAsBytes()).path("input");
    int tokens;
    if (input.has("converse")) {
      tokens =
          ConverseRequestParser.parse(WireJson.write(converseBody(input.get("converse"))))
              .inputTokens();
    } else if (input.path("invokeModel").path("body").isTextual()) {
      byte[] body = Base64.getDecoder().decode(input.path("invokeModel").path("body").asText());
      tokens =
          ClaudeEndpoints.serves(origin.modelId())
              ? ClaudeEndpoints.countTokens(body)
              : EmulatedUsage.inputTokens(List.of(new String(body, StandardCharsets.UTF_8)));
    } else {
      throw ConverseRequestParser.mustNotBeNull("input");
    }
    ctx.contentType("application/json");
    ctx.result(WireJson.write(Map.of("inputTokens", tokens)));
  }

  private static Map<String, Object> converseBody(JsonNode converse) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messages", converse.path("messages"));
    for (String member : List.of("system", "toolConfig")) {
      if (converse.has(member)) {
        body.put(member, converse.get(member));
      }
    }
    return body;
  }

  /** A request body that must be one JSON object, as Bedrock refuses anything else. */
  static JsonNode object(byte[] body) {
    return WireJson.read(body)
        .filter(JsonNode::isObject)
        .orElseThrow(
            () ->
                BedrockServiceException.validation(
                    "Malformed input request, please reformat your input and try again."));
  }

  /** The model behind an inference-profile id or ARN. */
  static String baseModelId(String modelId) {
    String id = modelId.substring(modelId.lastIndexOf('/') + 1);
    int dot = id.indexOf('.');
    boolean profile = dot > 0 && id.indexOf('.', dot + 1) > 0;
    return profile ? id.substring(dot + 1) : id;
  }
}
