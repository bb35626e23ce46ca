package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.in.EmbedResult;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.in.GenerateImageCommand;
import io.bedrockgateway.application.port.in.GenerateImageResult;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ModelDescription;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.catalog.Region;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.media.BinaryData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/** Embeddings, images and the model list, answered as fixed values; every command recorded. */
final class FakeModelUseCases implements EmbedUseCase, GenerateImageUseCase, ListModelsUseCase {
  static final ModelId EMBEDDER = new ModelId("amazon.titan-embed-text-v2:0");
  static final ModelId PAINTER = new ModelId("stability.stable-image-core-v1:1");
  static final BinaryData PNG = new BinaryData(new byte[] {(byte) 0x89, 'P', 'N', 'G'});

  final List<Object> commands = new CopyOnWriteArrayList<>();

  @Override
  public EmbedResult embedText(EmbedCommand<TextEmbeddingRequest> command) {
    return embedTexts(command);
  }

  @Override
  public EmbedResult embedTexts(EmbedCommand<TextEmbeddingRequest> command) {
    commands.add(command);
    List<Embedding> vectors =
        IntStream.range(0, command.request().texts().size())
            .mapToObj(index -> new Embedding(new float[] {index, 0.5f}))
            .toList();
    return new EmbedResult(
        new EmbeddingResult(vectors, 7, EMBEDDER), Optional.empty(), Duration.ZERO);
  }

  @Override
  public EmbedResult embedImage(EmbedCommand<ImageEmbeddingRequest> command) {
    commands.add(command);
    return new EmbedResult(
        new EmbeddingResult(List.of(new Embedding(new float[] {1f})), 0, EMBEDDER),
        Optional.empty(),
        Duration.ZERO);
  }

  @Override
  public GenerateImageResult generate(GenerateImageCommand command) {
    commands.add(command);
    return new GenerateImageResult(
        new GeneratedImages(List.of(PNG, PNG), PAINTER), Optional.empty(), Duration.ZERO);
  }

  @Override
  public List<ModelDescription> list(ListModelsCommand command) {
    commands.add(command);
    CatalogEntry entry =
        new CatalogEntry(
            EMBEDDER,
            List.of("embed"),
            Set.of(ModelOperation.EMBED),
            false,
            Set.of(InputModality.TEXT),
            Optional.empty(),
            List.of(new ModelTarget(EMBEDDER, Optional.of(new Region("us-west-2")))));
    return List.of(
        new ModelDescription(
            entry,
            Optional.of(
                new ModelPrice(
                    new BigDecimal("0.02"),
                    BigDecimal.ZERO,
                    new BigDecimal("0.002"),
                    new BigDecimal("0.025"))),
            Optional.empty()));
  }

  Object lastCommand() {
    return commands.getLast();
  }
}
