package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.ToolConfig;
import io.bedrockgateway.domain.chat.ToolResultBlock;
import io.bedrockgateway.domain.chat.ToolUseBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.key.Principal;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the converse command from a Responses API request. The gateway keeps no conversation
 * state, so {@code store: true}, {@code previous_response_id}, {@code conversation} and {@code
 * background} are refused: the client sends the whole conversation as {@code input} items
 * (messages, {@code function_call}s and their {@code function_call_output}s), and the {@code
 * reasoning} items the gateway gave, whose {@code encrypted_content} carries the model's signed
 * reasoning back to it; other reasoning items are left out: Bedrock cannot read another model's
 * reasoning.
 */
final class ResponsesRequestReader {
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final MessageReader messages;
  private final Attachments attachments;
  private final ReasoningBudget reasoning;

  ResponsesRequestReader(
      JsonBodyReader bodies,
      RequestFacts facts,
      MessageReader messages,
      Attachments attachments,
      ReasoningBudget reasoning) {
    this.bodies = bodies;
    this.facts = facts;
    this.messages = messages;
    this.attachments = attachments;
    this.reasoning = reasoning;
  }

  ResponsesOrder read(Context ctx) {
    ResponsesJson.Request body = bodies.read(ctx, ResponsesJson.Request.class);
    refuseState(body);
    Principal caller = KeyGate.caller(ctx);
    Optional<ModelId> model = ChatRequestReader.model(body.model());
    Turns turns = new Turns();
    if (body.instructions() != null && !body.instructions().isBlank()) {
      turns.system(new TextBlock(body.instructions()));
    }
    input(turns, body.input());
    List<ChatMessage> conversation = turns.messages();
    AnswerFormat format =
        AnswerFormat.read("text.format", body.text() == null ? null : body.text().format(), false);
    Optional<ToolConfig> tools =
        format.apply(
            "text.format",
            FunctionTools.config(
                FunctionTools.tools(body.tools(), false),
                FunctionTools.choice(body.toolChoice(), false),
                turns.usesTools()));
    InferenceParameters parameters =
        ChatRequestReader.parameters(
            body.maxOutputTokens(),
            "max_output_tokens",
            body.temperature(),
            body.topP(),
            List.of());
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
                        "reasoning.effort",
                        Optional.ofNullable(body.reasoning()).map(ResponsesJson.Reasoning::effort),
                        caller,
                        model,
                        parameters)));
    String user = body.user() != null ? body.user() : body.safetyIdentifier();
    return new ResponsesOrder(
        new ConverseCommand(
            caller, request, facts.context(ctx).withEndUser(ChatRequestReader.endUser(user))),
        body,
        format);
  }

  private static void refuseState(ResponsesJson.Request body) {
    String stateless = ": the gateway keeps no conversation state; send the whole conversation";
    if (Boolean.TRUE.equals(body.store())) {
      throw new InvalidRequest("store" + stateless + " and store: false");
    }
    if (body.previousResponseId() != null) {
      throw new InvalidRequest("previous_response_id" + stateless + " as input items");
    }
    if (body.conversation() != null && !body.conversation().isNull()) {
      throw new InvalidRequest("conversation" + stateless + " as input items");
    }
    if (Boolean.TRUE.equals(body.background())) {
      throw new InvalidRequest("background: the gateway answers in the foreground only");
    }
    if (body.prompt() != null && !body.prompt().isNull()) {
      throw new InvalidRequest("prompt: the gateway keeps no stored prompts; send instructions");
    }
    if ("auto".equals(body.truncation())) {
      throw new InvalidRequest("truncation: the gateway never drops input; leave it disabled");
    }
    if (body.topLogprobs() != null && body.topLogprobs() > 0) {
      throw new InvalidRequest("top_logprobs: Bedrock returns no log probabilities");
    }
    if (body.maxToolCalls() != null) {
      throw new InvalidRequest("max_tool_calls: Bedrock cannot bound the tool calls");
    }
    if (Boolean.FALSE.equals(body.parallelToolCalls())) {
      throw new InvalidRequest(
          "parallel_tool_calls: Bedrock cannot be kept from calling tools in parallel");
    }
    if (body.text() != null && body.text().verbosity() != null) {
      throw new InvalidRequest("text.verbosity: Bedrock's models take no verbosity");
    }
  }

  private void input(Turns turns, JsonNode input) {
    if (input != null && input.isTextual()) {
      turns.add(Role.USER, List.of(FieldPath.at("input", () -> new TextBlock(input.textValue()))));
      return;
    }
    if (input == null || !input.isArray() || input.isEmpty()) {
      throw new InvalidRequest("input: must be text or a list of input items");
    }
    if (input.size() > RequestLimits.MAX_MESSAGES) {
      throw new InvalidRequest("input: must hold at most " + RequestLimits.MAX_MESSAGES + " items");
    }
    for (int i = 0; i < input.size(); i++) {
      item(turns, "input[" + i + "]", input.get(i));
    }
  }

  private void item(Turns turns, String path, JsonNode item) {
    if (item == null || !item.isObject()) {
      throw new InvalidRequest(path + ": must be an object");
    }
    String type =
        item.hasNonNull("type")
            ? FunctionTools.text(path + ".type", item.get("type"), true)
            : "message";
    switch (type) {
      case "message" -> message(turns, path, item);
      case "function_call" -> {
        String callId = FunctionTools.text(path + ".call_id", item.get("call_id"), true);
        String name = FunctionTools.text(path + ".name", item.get("name"), true);
        var arguments =
            messages.arguments(
                path + ".arguments",
                FunctionTools.text(path + ".arguments", item.get("arguments"), false));
        turns.add(
            Role.ASSISTANT,
            List.of(FieldPath.at(path, () -> new ToolUseBlock(callId, name, arguments))));
      }
      case "function_call_output" -> {
        String callId = FunctionTools.text(path + ".call_id", item.get("call_id"), true);
        String output = output(path + ".output", item.get("output"));
        turns.add(
            Role.USER,
            List.of(
                FieldPath.at(
                    path + ".call_id",
                    () ->
                        new ToolResultBlock(
                            callId, List.of(new TextBlock(output)), Optional.empty()))));
      }
      case "reasoning" ->
          // the model's own reasoning goes back to it; another model's is nothing Bedrock can read
          ReasoningItems.open(path + ".encrypted_content", item.get("encrypted_content"))
              .ifPresent(reasoning -> turns.add(Role.ASSISTANT, List.of(reasoning)));
      default ->
          throw new InvalidRequest(
              path
                  + ".type: must be message, function_call, function_call_output or reasoning;"
                  + " built-in tools are not supported");
    }
  }

  private void message(Turns turns, String path, JsonNode item) {
    String role = FunctionTools.text(path + ".role", item.get("role"), true);
    List<ContentBlock> content = content(path + ".content", item.get("content"));
    switch (role) {
      case "system", "developer" -> {
        for (ContentBlock block : content) {
          if (!(block instanceof TextBlock text)) {
            throw new InvalidRequest(path + ".content: a " + role + " message holds text only");
          }
          turns.system(text);
        }
      }
      case "user" -> turns.add(Role.USER, content);
      case "assistant" -> turns.add(Role.ASSISTANT, content);
      default ->
          throw new InvalidRequest(path + ".role: must be user, assistant, system or developer");
    }
  }

  private List<ContentBlock> content(String path, JsonNode content) {
    if (content != null && content.isTextual()) {
      return List.of(FieldPath.at(path, () -> new TextBlock(content.textValue())));
    }
    if (content == null || !content.isArray() || content.isEmpty()) {
      throw new InvalidRequest(path + ": must be text or a list of content parts");
    }
    if (content.size() > RequestLimits.MAX_CONTENT_BLOCKS) {
      throw new InvalidRequest(
          path + ": must hold at most " + RequestLimits.MAX_CONTENT_BLOCKS + " content parts");
    }
    List<ContentBlock> blocks = new ArrayList<>();
    for (int i = 0; i < content.size(); i++) {
      String partPath = path + "[" + i + "]";
      JsonNode part = content.get(i);
      if (part == null || !part.isObject()) {
        throw new InvalidRequest(partPath + ": must be an object");
      }
      String type = FunctionTools.text(partPath + ".type", part.get("type"), true);
      switch (type) {
        case "input_text", "output_text", "text" -> {
          String text = FunctionTools.text(partPath + ".text", part.get("text"), true);
          blocks.add(FieldPath.at(partPath + ".text", () -> new TextBlock(text)));
        }
        case "refusal" -> {
          String text = FunctionTools.text(partPath + ".refusal", part.get("refusal"), true);
          blocks.add(FieldPath.at(partPath + ".refusal", () -> new TextBlock(text)));
        }
        case "input_image" -> {
          if (part.hasNonNull("file_id")) {
            throw new InvalidRequest(
                partPath + ".file_id: the gateway keeps no files; send image_url");
          }
          blocks.add(
              attachments.image(
                  partPath + ".image_url",
                  FunctionTools.text(partPath + ".image_url", part.get("image_url"), true)));
        }
        case "input_file" -> {
          if (part.hasNonNull("file_id") || part.hasNonNull("file_url")) {
            throw new InvalidRequest(
                partPath + ".file_data: the gateway keeps and fetches no files; send file_data");
          }
          blocks.add(
              Attachments.document(
                  partPath + ".file_data",
                  FunctionTools.text(partPath + ".file_data", part.get("file_data"), true),
                  Optional.ofNullable(
                      FunctionTools.text(partPath + ".filename", part.get("filename"), false))));
        }
        default ->
            throw new InvalidRequest(
                partPath + ".type: must be input_text, input_image, input_file or output_text");
      }
    }
    return blocks;
  }

  /** A function's output: text, or a list of {@code input_text} parts. */
  private static String output(String path, JsonNode output) {
    if (output != null && output.isTextual()) {
      return output.textValue().isBlank() ? "(empty)" : output.textValue();
    }
    if (output != null && output.isArray()) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < output.size(); i++) {
        text.append(FunctionTools.text(path + "[" + i + "].text", output.get(i).get("text"), true));
      }
      return text.isEmpty() || text.toString().isBlank() ? "(empty)" : text.toString();
    }
    throw new InvalidRequest(path + ": must be text");
  }
}
