package io.bedrockgateway.adapter.http.nativeapi;

import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestEnd;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.adapter.http.common.converse.ContentBlockReader;
import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.in.EmbedResult;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.EmbeddingPurpose;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/** {@code POST /embeddings/text}, {@code /embeddings/text/batch} and {@code /embeddings/image}. */
public final class EmbeddingHandlers {
  private final EmbedUseCase embed;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final RejectionRecorder rejections;
  private final Clock clock;

  EmbeddingHandlers(
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

  void text(Context ctx) {
    EmbedCommand<TextEmbeddingRequest> command =
        rejections.commandOrRecord(ctx, Operation.EMBED_TEXT, () -> textCommand(ctx));
    respond(ctx, embed.embedText(command), this::single);
  }

  private EmbedCommand<TextEmbeddingRequest> textCommand(Context ctx) {
    EmbeddingJson.TextRequest body = bodies.read(ctx, EmbeddingJson.TextRequest.class);
    if (body.text() == null || body.text().isBlank()) {
      throw new InvalidRequest("text: is required and must not be blank");
    }
    return textCommand(
        ctx,
        List.of(body.text()),
        body.modelId(),
        body.dimensions(),
        body.normalize(),
        body.inputType());
  }

  void batch(Context ctx) {
    EmbedCommand<TextEmbeddingRequest> command =
        rejections.commandOrRecord(ctx, Operation.EMBED_TEXT_BATCH, () -> batchCommand(ctx));
    EmbedResult result = embed.embedTexts(command);
    respond(
        ctx,
        result,
        embeddings ->
            new EmbeddingJson.Embeddings(
                embeddings.embeddings().stream().map(Embedding::values).toList(),
                embeddings.servedModel().value(),
                embeddings.embeddings().size(),
                embeddings.inputTokens(),
                timestamp()));
  }

  private EmbedCommand<TextEmbeddingRequest> batchCommand(Context ctx) {
    EmbeddingJson.BatchRequest body = bodies.read(ctx, EmbeddingJson.BatchRequest.class);
    if (body.texts() == null) {
      throw new InvalidRequest("texts: is required");
    }
    if (body.texts().contains(null)) {
      throw new InvalidRequest(
          "texts[" + body.texts().indexOf(null) + "]: must be a string, not null");
    }
    return textCommand(
        ctx, body.texts(), body.modelId(), body.dimensions(), body.normalize(), body.inputType());
  }

  private EmbedCommand<TextEmbeddingRequest> textCommand(
      Context ctx,
      List<String> texts,
      String modelId,
      Integer dimensions,
      Boolean normalize,
      String inputType) {
    TextEmbeddingRequest request =
        FieldPath.at(
            "",
            () ->
                new TextEmbeddingRequest(
                    texts,
                    dimensions(dimensions),
                    Optional.ofNullable(normalize),
                    purpose(inputType)));
    return new EmbedCommand<>(
        KeyGate.caller(ctx), RequestFacts.model(modelId), request, facts.context(ctx));
  }

  void image(Context ctx) {
    EmbedCommand<ImageEmbeddingRequest> command =
        rejections.commandOrRecord(ctx, Operation.EMBED_IMAGE, () -> imageCommand(ctx));
    respond(ctx, embed.embedImage(command), this::single);
  }

  private EmbedCommand<ImageEmbeddingRequest> imageCommand(Context ctx) {
    EmbeddingJson.ImageRequest body = bodies.read(ctx, EmbeddingJson.ImageRequest.class);
    ImageEmbeddingRequest request =
        FieldPath.at(
            "",
            () ->
                new ImageEmbeddingRequest(
                    ContentBlockReader.decode("image_base64", body.imageBase64()),
                    Optional.ofNullable(body.text()),
                    dimensions(body.dimensions())));
    return new EmbedCommand<>(
        KeyGate.caller(ctx), RequestFacts.model(body.modelId()), request, facts.context(ctx));
  }

  private EmbeddingJson.Embedding single(EmbeddingResult embeddings) {
    return new EmbeddingJson.Embedding(
        embeddings.embeddings().getFirst().values(),
        embeddings.servedModel().value(),
        embeddings.inputTokens(),
        timestamp());
  }

  private void respond(Context ctx, EmbedResult result, Function<EmbeddingResult, Object> body) {
    GatewayHeaders.answered(
        ctx, result.rateLimit(), result.embeddings().servedModel(), result.upstreamTime(), clock);
    RequestEnd.tokens(ctx, new TokenUsage(result.embeddings().inputTokens(), 0));
    ctx.json(body.apply(result.embeddings()));
  }

  private String timestamp() {
    return clock.instant().toString();
  }

  private static OptionalInt dimensions(Integer dimensions) {
    return dimensions == null ? OptionalInt.empty() : OptionalInt.of(dimensions);
  }

  private static Optional<EmbeddingPurpose> purpose(String inputType) {
    return Optional.ofNullable(inputType)
        .map(
            name ->
                EmbeddingPurpose.fromWireName(name)
                    .orElseThrow(
                        () ->
                            new InvalidRequest(
                                "input_type: must be search_document, search_query,"
                                    + " classification or clustering")));
  }
}
