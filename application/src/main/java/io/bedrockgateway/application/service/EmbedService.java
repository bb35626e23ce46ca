package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.in.EmbedResult;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.out.EmbeddingInvoker;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.image.ImageQuality;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.usage.Operation;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Embeddings through the shared flow; the input is reserved as tokens (and an embedded image at its
 * price per image), there is no output.
 */
public final class EmbedService implements EmbedUseCase {
  private final ModelCallFlow flow;
  private final EmbeddingInvoker embeddings;
  private final EmbedSettings settings;

  public EmbedService(ModelCallFlow flow, EmbeddingInvoker embeddings, EmbedSettings settings) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public EmbedResult embedText(EmbedCommand<TextEmbeddingRequest> command) {
    if (command.request().texts().size() != 1) {
      throw new InvalidRequest("text: exactly one text is embedded here; use the batch route");
    }
    return embedTexts(command, Operation.EMBED_TEXT);
  }

  @Override
  public EmbedResult embedTexts(EmbedCommand<TextEmbeddingRequest> command) {
    return embedTexts(command, Operation.EMBED_TEXT_BATCH);
  }

  @Override
  public EmbedResult embedImage(EmbedCommand<ImageEmbeddingRequest> command) {
    ImageEmbeddingRequest request = command.request();
    long textCharacters = request.text().map(String::length).orElse(0);
    return embed(
        command,
        Operation.EMBED_IMAGE,
        settings.defaultImageModel(),
        Set.of(InputModality.IMAGE),
        textCharacters,
        1,
        route -> embeddings.embedImage(route, request));
  }

  private EmbedResult embedTexts(EmbedCommand<TextEmbeddingRequest> command, Operation operation) {
    TextEmbeddingRequest request = command.request();
    return embed(
        command,
        operation,
        settings.defaultTextModel(),
        Set.of(),
        request.characters(),
        0,
        route -> embeddings.embedTexts(route, request));
  }

  private EmbedResult embed(
      EmbedCommand<?> command,
      Operation operation,
      ModelId defaultModel,
      Set<InputModality> reads,
      long inputCharacters,
      int inputImages,
      Function<ModelRoute, EmbeddingResult> invocation) {
    TokenUsage ceiling = new TokenUsage(TokenEstimates.tokens(inputCharacters), 0);
    ModelCallFlow.Call call =
        new ModelCallFlow.Call(
            operation,
            command.caller(),
            command.context(),
            command.model().orElse(defaultModel),
            ModelOperation.EMBED,
            reads,
            (model, prices) ->
                new Demand(
                    ceiling.totalTokens(),
                    prices
                        .cost(model, ceiling)
                        .orElse(Usd.ZERO)
                        .plus(
                            prices
                                .imageCost(model, 1, 1, ImageQuality.STANDARD, inputImages)
                                .orElse(Usd.ZERO)),
                    false));
    return flow.run(
        call,
        (admission, trace) -> {
          EmbeddingResult result = trace.upstream(() -> invocation.apply(admission.route()));
          trace.served(result.servedModel(), new TokenUsage(result.inputTokens(), 0));
          if (inputImages > 0) {
            trace.embeddedImages(inputImages);
          }
          return new EmbedResult(result, admission.rateLimit(), trace.upstreamTime());
        });
  }
}
