package io.bedrockgateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.emulator.Fault.Reject;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Serves InvokeModel for the embedding and image models, and CountTokens. Directives are read from
 * the request's text (the input text, the texts, or the prompt); InvokeModel honours the fault
 * directives that reject a request.
 */
final class InvokeEndpoints {
  private final RequestJournal journal;
  private final FaultGate faults;

  InvokeEndpoints(RequestJournal journal, FaultGate faults) {
    this.journal = journal;
    this.faults = faults;
  }

  void invoke(Context ctx) {
    long startNanos = System.nanoTime();
    RequestOrigin origin = ConverseEndpoints.record(ctx, BedrockOperation.INVOKE, journal);
    InferenceProfiles.requireOnDemandCapable(origin.modelId());
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

  /**
   * CountTokens: the input tokens a Converse request (its messages and system) or an InvokeModel
   * body would be charged.
   */
  void countTokens(Context ctx) {
    ConverseEndpoints.record(ctx, BedrockOperation.COUNT_TOKENS, journal);
    JsonNode input = object(ctx.bodyAsBytes()).path("input");
    int tokens;
    if (input.has("converse")) {
      tokens =
          ConverseRequestParser.parse(WireJson.write(converseBody(input.get("converse"))))
              .inputTokens();
    } else if (input.path("invokeModel").path("body").isTextual()) {
      String body =
          new String(
              Base64.getDecoder().decode(input.path("invokeModel").path("body").asText()),
              StandardCharsets.UTF_8);
      tokens = EmulatedUsage.inputTokens(List.of(body));
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

  private static JsonNode object(byte[] body) {
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
