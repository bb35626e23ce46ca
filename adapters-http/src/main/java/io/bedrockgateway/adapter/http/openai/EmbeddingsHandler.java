package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.in.EmbedResult;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code POST /v1/embeddings}: {@code input} a string (the single-text route) or a list of strings
 * (the batch route, as the native {@code /embeddings/text/batch}); {@code encoding_format} {@code
 * float} or {@code base64} (little-endian float32 bytes, as OpenAI sends them); {@code dimensions}
 * for models that have several. Token arrays as input are refused: Bedrock's models take text.
 */
final class EmbeddingsHandler implements Handler {
  record Request(
      JsonNode input,
      String model,
      @JsonProperty("encoding_format") String encodingFormat,
      Integer dimensions,
      String user) {}

  record Response(String object, List<Item> data, String model, Usage usage) {}

  /** {@code embedding} is a list of floats, or a base64 string. */
  record Item(String object, int index, Object embedding) {}

  record Usage(
      @JsonProperty("prompt_tokens") long promptTokens,
      @JsonProperty("total_tokens") long totalTokens) {}

  private record Order(EmbedCommand<TextEmbeddingRequest> command, boolean batch, boolean base64) {}

  private final EmbedUseCase embed;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final RejectionRecorder rejections;
  private final Clock clock;

  EmbeddingsHandler(
      EmbedUseCase embed,
      JsonBodyReader bodies,
      RequestFacts facts,
      RejectionRecorder rejections,
      Clock clock) {
    this.embed = embed;
    this.bodies = bodies;
    this.facts = facts;
    this.rejections = rejections;
    this.clock = clock;
  }

  @Override
  public void handle(Context ctx) {
    Order order = rejections.commandOrRecord(ctx, Operation.EMBED_TEXT_BATCH, () -> order(ctx));
    EmbedResult result =
        order.batch() ? embed.embedTexts(order.command()) : embed.embedText(order.command());
    GatewayHeaders.answered(
        ctx, result.rateLimit(), result.embeddings().servedModel(), result.upstreamTime(), clock);
    long tokens = result.embeddings().inputTokens();
    RequestEnd.tokens(ctx, new TokenUsage(tokens, 0));
    List<Item> items = new ArrayList<>();
    List<Embedding> embeddings = result.embeddings().embeddings();
    for (int i = 0; i < embeddings.size(); i++) {
      float[] values = embeddings.get(i).values();
      items.add(new Item("embedding", i, order.base64() ? base64(values) : values));
    }
    ctx.json(
        new Response(
            "list",
            items,
            order
                .command()
                .model()
                .map(model -> model.value())
                .orElse(result.embeddings().servedModel().value()),
            new Usage(tokens, tokens)));
  }

  private Order order(Context ctx) {
    Request body = bodies.read(ctx, Request.class);
    boolean base64 = base64(body.encodingFormat());
    JsonNode input = body.input();
    List<String> texts = new ArrayList<>();
    boolean batch;
    if (input != null && input.isTextual()) {
      texts.add(input.textValue());
      batch = false;
    } else if (input != null && input.isArray()) {
      if (input.size() > TextEmbeddingRequest.MAX_TEXTS) {
        throw new InvalidRequest(
            "input: must hold at most " + TextEmbeddingRequest.MAX_TEXTS + " texts");
      }
      for (int i = 0; i < input.size(); i++) {
        if (!input.get(i).isTextual()) {
          throw new InvalidRequest(
              "input[" + i + "]: must be a string; token arrays are not supported");
        }
        texts.add(input.get(i).textValue());
      }
      batch = true;
    } else {
      throw new InvalidRequest("input: must be a string or a list of strings");
    }
    TextEmbeddingRequest request =
        FieldPath.at(
            "input",
            () ->
                new TextEmbeddingRequest(
                    texts,
                    body.dimensions() == null
                        ? OptionalInt.empty()
                        : OptionalInt.of(body.dimensions()),
                    Optional.empty(),
                    Optional.empty()));
    return new Order(
        new EmbedCommand<>(
            KeyGate.caller(ctx),
            ChatRequestReader.model(body.model()),
            request,
            facts.context(ctx).withEndUser(ChatRequestReader.endUser(body.user()))),
        batch,
        base64);
  }

  private static boolean base64(String encodingFormat) {
    if (encodingFormat == null || encodingFormat.equals("float")) {
      return false;
    }
    if (encodingFormat.equals("base64")) {
      return true;
    }
    throw new InvalidRequest("encoding_format: must be float or base64");
  }

  /** The vector as OpenAI's base64: its float32 values, little-endian. */
  private static String base64(float[] values) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      bytes.putFloat(value);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
