package io.bedrockgateway.adapter.http.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.invoke.InvocationBody;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an Anthropic Messages request into the InvokeModel body Bedrock expects for Claude: {@code
 * anthropic_version: bedrock-2023-05-31}, the betas of the {@code anthropic-beta} header as {@code
 * anthropic_beta}, without {@code model} and {@code stream}, which travel in Bedrock's path. Every
 * other member passes unchanged and in order (messages, system arrays, tools, thinking blocks and
 * their signatures, {@code cache_control} markers), except the fields and betas Bedrock does not
 * accept ({@link AnthropicSettings}), which are dropped and logged once per name.
 */
final class MessagesTranslator {
  static final String BEDROCK_VERSION = "bedrock-2023-05-31";
  private static final Logger LOG = LoggerFactory.getLogger(MessagesTranslator.class);

  /** Names logged so far; bounded, so that made-up names cannot grow it without end. */
  private static final int MAX_LOGGED = 1_000;

  private final AnthropicSettings settings;
  private final ObjectMapper json;
  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  MessagesTranslator(AnthropicSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  /** A request as Bedrock will take it. */
  record Translated(ModelId model, boolean stream, OptionalInt maxTokens, InvocationBody body) {}

  /**
   * @param betaHeader the {@code anthropic-beta} header: betas separated by commas
   * @param requireMaxTokens whether {@code max_tokens} must be there (Messages), or is set to 1
   *     when missing (counting tokens, where Bedrock still wants a whole body)
   */
  Translated translate(ObjectNode request, Optional<String> betaHeader, boolean requireMaxTokens) {
    ModelId model = model(request.get("model"));
    boolean stream = flag(request.get("stream"));
    OptionalInt maxTokens = maxTokens(request.get("max_tokens"), requireMaxTokens);
    ObjectNode body = json.createObjectNode();
    body.put("anthropic_version", BEDROCK_VERSION);
    for (Map.Entry<String, JsonNode> member : request.properties()) {
      String name = member.getKey();
      if (name.equals("model") || name.equals("stream") || name.equals("anthropic_version")) {
        continue;
      }
      if (name.equals("anthropic_beta")) {
        continue; // betas come from the header, filtered like it
      }
      if (settings.bodyFields().contains(name)) {
        body.set(name, member.getValue());
      } else {
        dropped("body field", name);
      }
    }
    if (maxTokens.isPresent() && !body.has("max_tokens")) {
      body.put("max_tokens", maxTokens.getAsInt());
    }
    List<String> betas = betas(betaHeader, request.get("anthropic_beta"));
    if (!betas.isEmpty()) {
      ArrayNode list = body.putArray("anthropic_beta");
      betas.forEach(list::add);
    }
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the Bedrock body could not be written", e);
    }
    return new Translated(
        model, stream, maxTokens, FieldPath.at("body", () -> InvocationBody.of(bytes)));
  }

  private List<String> betas(Optional<String> header, JsonNode inBody) {
    List<String> asked = new ArrayList<>();
    header.ifPresent(
        value ->
            Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(beta -> !beta.isEmpty())
                .forEach(asked::add));
    if (inBody != null && inBody.isArray()) {
      inBody.forEach(beta -> asked.add(beta.asText()));
    }
    List<String> kept = new ArrayList<>();
    for (String beta : asked) {
      if (settings.betas().contains(beta)) {
        if (!kept.contains(beta)) {
          kept.add(beta);
        }
      } else {
        dropped("beta", beta);
      }
    }
    return kept;
  }

  private void dropped(String kind, String name) {
    String key = kind + ":" + name;
    if (logged.size() < MAX_LOGGED && logged.add(key)) {
      LOG.info(
          "dropped the {} '{}' from Anthropic requests: Bedrock does not accept it (once per"
              + " name; allow it with {})",
          kind,
          name,
          kind.equals("beta")
              ? AnthropicSettings.BETAS_VARIABLE
              : AnthropicSettings.BODY_FIELDS_VARIABLE);
    }
  }

  private static ModelId model(JsonNode model) {
    if (model == null || model.isNull()) {
      throw new InvalidRequest("model: is required");
    }
    if (!model.isTextual()) {
      throw new InvalidRequest("model: must be a string");
    }
    return FieldPath.at("model", () -> new ModelId(model.textValue()));
  }

  private static boolean flag(JsonNode stream) {
    if (stream == null || stream.isNull()) {
      return false;
    }
    if (!stream.isBoolean()) {
      throw new InvalidRequest("stream: must be true or false");
    }
    return stream.booleanValue();
  }

  private static OptionalInt maxTokens(JsonNode maxTokens, boolean required) {
    if (maxTokens == null || maxTokens.isNull()) {
      if (required) {
        throw new InvalidRequest("max_tokens: is required");
      }
      return OptionalInt.of(1);
    }
    if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt() || maxTokens.intValue() < 1) {
      throw new InvalidRequest("max_tokens: must be a whole number of at least 1");
    }
    return OptionalInt.of(maxTokens.intValue());
  }
}
