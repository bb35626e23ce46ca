package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.StreamUsage;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * Reads the tokens of an invocation from what Bedrock sends: the token-count headers of
 * InvokeModel, the {@code usage} of an Anthropic message, and in a stream the {@code usage} of
 * Anthropic's {@code message_start} (the prompt and its cache) and {@code message_delta} (the
 * output), and Bedrock's {@code amazon-bedrock-invocationMetrics} in the last chunk.
 */
final class InvocationUsage {
  private static final String METRICS = "amazon-bedrock-invocationMetrics";

  private InvocationUsage() {}

  /** Bedrock's token-count headers, when it sent the input and output counts. */
  static Optional<TokenUsage> ofHeaders(SdkHttpResponse response) {
    Optional<Long> input = header(response, "X-Amzn-Bedrock-Input-Token-Count");
    Optional<Long> output = header(response, "X-Amzn-Bedrock-Output-Token-Count");
    if (input.isEmpty() || output.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TokenUsage(
            input.get(),
            output.get(),
            header(response, "X-Amzn-Bedrock-Cache-Read-Input-Token-Count").orElse(0L),
            header(response, "X-Amzn-Bedrock-Cache-Write-Input-Token-Count").orElse(0L)));
  }

  /** The {@code usage} of an Anthropic message, when the answer is one. */
  static Optional<TokenUsage> ofMessage(byte[] answer) {
    return json(answer)
        .flatMap(message -> message.field("usage"))
        .filter(JsonNode::isObject)
        .map(usage -> anthropic(usage, TokenUsage.NONE));
  }

  /**
   * Reads the chunks of one stream in order, keeping the usage reported so far. Not thread-safe.
   */
  static final class Reader {
    private TokenUsage soFar = TokenUsage.NONE;

    InvocationChunk read(byte[] bytes) {
      Optional<JsonNode> event = json(bytes);
      if (event.isEmpty()) {
        return new InvocationChunk(bytes, "", Optional.empty());
      }
      JsonNode chunk = event.get();
      Optional<StreamUsage> usage = Optional.empty();
      switch (text(chunk, "type")) {
        case "message_start" -> {
          Optional<JsonNode> started =
              chunk.field("message").flatMap(message -> message.field("usage"));
          if (started.isPresent() && started.get().isObject()) {
            soFar = anthropic(started.get(), soFar);
            usage = Optional.of(new StreamUsage(soFar, false));
          }
        }
        case "message_delta" -> {
          Optional<JsonNode> delta = chunk.field("usage").filter(JsonNode::isObject);
          if (delta.isPresent()) {
            soFar = anthropic(delta.get(), soFar);
            usage = Optional.of(new StreamUsage(soFar, true));
          }
        }
        default -> {}
      }
      Optional<JsonNode> metrics = chunk.field(METRICS).filter(JsonNode::isObject);
      if (metrics.isPresent()) {
        soFar = invocationMetrics(metrics.get());
        usage = Optional.of(new StreamUsage(soFar, true));
      }
      return new InvocationChunk(bytes, output(chunk), usage);
    }
  }

  /**
   * What a chunk adds to the answer: Anthropic's text, thinking and tool-input deltas, or the text
   * of other models' chunks (Llama's {@code generation}, Titan's {@code outputText}).
   */
  private static String output(JsonNode chunk) {
    Optional<JsonNode> delta = chunk.field("delta").filter(JsonNode::isObject);
    if (delta.isPresent()) {
      return switch (text(delta.get(), "type")) {
        case "text_delta" -> text(delta.get(), "text");
        case "thinking_delta" -> text(delta.get(), "thinking");
        case "input_json_delta" -> text(delta.get(), "partial_json");
        default -> "";
      };
    }
    String generation = text(chunk, "generation");
    return generation.isEmpty() ? text(chunk, "outputText") : generation;
  }

  /** Anthropic's usage fields over what is known so far: each field present replaces its count. */
  private static TokenUsage anthropic(JsonNode usage, TokenUsage soFar) {
    return new TokenUsage(
        number(usage, "input_tokens").orElse(soFar.inputTokens()),
        number(usage, "output_tokens").orElse(soFar.outputTokens()),
        number(usage, "cache_read_input_tokens").orElse(soFar.cacheReadInputTokens()),
        number(usage, "cache_creation_input_tokens").orElse(soFar.cacheWriteInputTokens()));
  }

  private static TokenUsage invocationMetrics(JsonNode metrics) {
    return new TokenUsage(
        number(metrics, "inputTokenCount").orElse(0L),
        number(metrics, "outputTokenCount").orElse(0L),
        number(metrics, "cacheReadInputTokenCount").orElse(0L),
        number(metrics, "cacheWriteInputTokenCount").orElse(0L));
  }

  private static Optional<JsonNode> json(byte[] bytes) {
    try {
      return Optional.of(JsonNode.parser().parse(bytes)).filter(JsonNode::isObject);
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    return node.field(field).filter(JsonNode::isString).map(JsonNode::asString).orElse("");
  }

  private static Optional<Long> number(JsonNode node, String field) {
    return node.field(field)
        .filter(JsonNode::isNumber)
        .flatMap(value -> wholeNumber(value.asNumber()));
  }

  /** A header holding a count, if it does. */
  static Optional<Long> header(SdkHttpResponse response, String name) {
    return response.firstMatchingHeader(name).flatMap(InvocationUsage::wholeNumber);
  }

  private static Optional<Long> wholeNumber(String text) {
    try {
      long value = Long.parseLong(text.strip());
      return value < 0 ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
