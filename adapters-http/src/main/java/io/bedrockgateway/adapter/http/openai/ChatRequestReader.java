package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the converse command from a Chat Completions request. What would change the answer and
 * that Bedrock cannot do ({@code n} above 1, {@code logprobs}, {@code audio}, penalties, {@code
 * seed}, ...) is refused with a 400 naming the field, never dropped.
 */
final class ChatRequestReader {
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final MessageReader messages;
  private final ReasoningBudget reasoning;

  ChatRequestReader(
      JsonBodyReader bodies,
      RequestFacts facts,
      MessageReader messages,
      ReasoningBudget reasoning) {
    this.bodies = bodies;
    this.facts = facts;
    this.messages = messages;
    this.reasoning = reasoning;
  }

  ChatOrder read(Context ctx) {
    ChatJson.Request body = bodies.read(ctx, ChatJson.Request.class);
    refuseUnsupported(body);
    Principal caller = KeyGate.caller(ctx);
    Optional<ModelId> model = model(body.model());
    Turns turns = messages.read(body.messages());
    List<ChatMessage> conversation = turns.messages();
    AnswerFormat format = AnswerFormat.read("response_format", body.responseFormat(), true);
    Optional<ToolConfig> tools =
        format.apply(
            "response_format",
            FunctionTools.config(
                FunctionTools.tools(body.tools(), true),
                FunctionTools.choice(body.toolChoice(), true),
                turns.usesTools()));
    InferenceParameters parameters =
        parameters(
            body.maxCompletionTokens() != null ? body.maxCompletionTokens() : body.maxTokens(),
            body.maxCompletionTokens() != null ? "max_completion_tokens" : "max_tokens",
            body.temperature(),
            body.topP(),
            stop(body.stop()));
    ChatRequest request =
        FieldPath.at(
            "",
            () ->
                new ChatRequest(
                    model,
                    conversation,
                    turns.system(),
                    parameters,
                    tools,
                    reasoning.fields(
                        "reasoning_effort",
                        Optional.ofNullable(body.reasoningEffort()),
                        caller,
                        model,
                        parameters)));
    RequestContext context = facts.context(ctx).withEndUser(endUser(body.user()));
    return new ChatOrder(
        new ConverseCommand(caller, request, context),
        body.model() == null ? "" : body.model(),
        Boolean.TRUE.equals(body.stream()),
        body.streamOptions() != null && Boolean.TRUE.equals(body.streamOptions().includeUsage()),
        format);
  }

  static Optional<ModelId> model(String model) {
    return Optional.ofNullable(model).map(id -> FieldPath.at("model", () -> new ModelId(id)));
  }

  /**
   * OpenAI's {@code temperature} runs to 2 and Bedrock's to 1: a value above 1 is refused, not
   * scaled, so the client sees the difference.
   */
  static InferenceParameters parameters(
      Integer maxTokens,
      String maxTokensField,
      Double temperature,
      Double topP,
      List<String> stop) {
    if (maxTokens != null && (maxTokens < 1 || maxTokens > InferenceParameters.MAX_TOKENS_LIMIT)) {
      throw new InvalidRequest(
          maxTokensField + ": must be between 1 and " + InferenceParameters.MAX_TOKENS_LIMIT);
    }
    if (temperature != null && !(temperature >= 0 && temperature <= 1)) {
      throw new InvalidRequest("temperature: must be between 0 and 1 on Bedrock");
    }
    if (topP != null && !(topP >= 0 && topP <= 1)) {
      throw new InvalidRequest("top_p: must be between 0 and 1");
    }
    return FieldPath.at(
        "stop",
        () ->
            new InferenceParameters(
                Optional.ofNullable(maxTokens),
                Optional.ofNullable(temperature),
                Optional.ofNullable(topP),
                stop));
  }

  /** The client's {@code user}, recorded on the usage event: cut to its bounds, never refused. */
  static Optional<String> endUser(String user) {
    return RequestFacts.label(user);
  }

  private static List<String> stop(JsonNode stop) {
    if (stop == null || stop.isNull()) {
      return List.of();
    }
    if (stop.isTextual()) {
      return stop.textValue().isEmpty() ? List.of() : List.of(stop.textValue());
    }
    if (!stop.isArray()) {
      throw new InvalidRequest("stop: must be a string or a list of strings");
    }
    List<String> sequences = new ArrayList<>();
    for (int i = 0; i < stop.size(); i++) {
      sequences.add(FunctionTools.text("stop[" + i + "]", stop.get(i), true));
    }
    return sequences;
  }

  private static void refuseUnsupported(ChatJson.Request body) {
    if (body.n() != null && body.n() != 1) {
      refuse("n", "the gateway answers with one choice; send n=1 or leave it out");
    }
    if (Boolean.TRUE.equals(body.logprobs()) || positive(body.topLogprobs())) {
      refuse(
          Boolean.TRUE.equals(body.logprobs()) ? "logprobs" : "top_logprobs",
          "Bedrock returns no log probabilities");
    }
    present("audio", body.audio(), "audio output is not supported");
    if (body.modalities() != null && !body.modalities().isNull()) {
      boolean textOnly =
          body.modalities().isArray()
              && body.modalities().size() == 1
              && "text".equals(body.modalities().get(0).asText(null));
      if (!textOnly) {
        refuse("modalities", "only [\"text\"] is supported");
      }
    }
    present("prediction", body.prediction(), "predicted outputs are not supported");
    if (body.logitBias() != null
        && !body.logitBias().isNull()
        && !(body.logitBias().isObject() && body.logitBias().isEmpty())) {
      refuse("logit_bias", "Bedrock takes no logit bias");
    }
    if (body.frequencyPenalty() != null && body.frequencyPenalty() != 0) {
      refuse("frequency_penalty", "Bedrock's Converse takes no frequency penalty");
    }
    if (body.presencePenalty() != null && body.presencePenalty() != 0) {
      refuse("presence_penalty", "Bedrock's Converse takes no presence penalty");
    }
    if (body.seed() != null) {
      refuse("seed", "Bedrock's Converse takes no seed");
    }
    present("functions", body.functions(), "the legacy functions are not supported; use tools");
    present(
        "function_call",
        body.functionCall(),
        "the legacy function_call is not supported; use tool_choice");
    present("web_search_options", body.webSearchOptions(), "web search is not supported");
    if (body.verbosity() != null) {
      refuse("verbosity", "Bedrock's models take no verbosity");
    }
    if (Boolean.FALSE.equals(body.parallelToolCalls())) {
      refuse("parallel_tool_calls", "Bedrock cannot be kept from calling tools in parallel");
    }
    if (body.streamOptions() != null && !Boolean.TRUE.equals(body.stream())) {
      refuse("stream_options", "only a stream (stream: true) takes stream options");
    }
  }

  private static boolean positive(Integer value) {
    return value != null && value > 0;
  }

  private static void present(String field, JsonNode value, String reason) {
    if (value != null && !value.isNull()) {
      refuse(field, reason);
    }
  }

  private static void refuse(String field, String reason) {
    throw new InvalidRequest(field + ": " + reason);
  }
}
