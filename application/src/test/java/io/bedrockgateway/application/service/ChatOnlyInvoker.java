package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.ModelInvoker;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.image.ImageRequest;

/** A model invoker for chat tests: any other operation is a test failure. */
abstract class ChatOnlyInvoker implements ModelInvoker {
  @Override
  public EmbeddingResult embedTexts(ModelRoute route, TextEmbeddingRequest request) {
    throw new AssertionError("not a chat call");
  }

  @Override
  public EmbeddingResult embedImage(ModelRoute route, ImageEmbeddingRequest request) {
    throw new AssertionError("not a chat call");
  }

  @Override
  public GeneratedImages generateImage(ModelRoute route, ImageRequest request) {
    throw new AssertionError("not a chat call");
  }
}
