package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.GenerateImageCommand;
import io.bedrockgateway.application.port.in.GenerateImageResult;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.out.ImageInvoker;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.image.ImageRequest;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.usage.Operation;
import java.util.Objects;
import java.util.Set;

/** Image generation through the shared flow; the images asked for are reserved at their price. */
public final class ImageService implements GenerateImageUseCase {
  private final ModelCallFlow flow;
  private final ImageInvoker imageInvoker;
  private final ModelId defaultImageModel;

  public ImageService(ModelCallFlow flow, ImageInvoker images, ModelId defaultImageModel) {
    this.flow = Objects.requireNonNull(flow, "flow");
    this.imageInvoker = Objects.requireNonNull(images, "images");
    this.defaultImageModel = Objects.requireNonNull(defaultImageModel, "defaultImageModel");
  }

  @Override
  public GenerateImageResult generate(GenerateImageCommand command) {
    ImageRequest request = command.request();
    ModelCallFlow.Call call =
        new ModelCallFlow.Call(
            Operation.GENERATE_IMAGE,
            command.caller(),
            command.context(),
            command.model().orElse(defaultImageModel),
            ModelOperation.IMAGE,
            Set.of(),
            (model, prices) ->
                new Demand(
                    0,
                    prices
                        .imageCost(
                            model,
                            request.width(),
                            request.height(),
                            request.quality(),
                            request.count())
                        .orElse(Usd.ZERO),
                    false));
    return flow.run(
        call,
        (admission, trace) -> {
          GeneratedImages images =
              trace.upstream(() -> imageInvoker.generateImage(admission.route(), request));
          trace.generated(images.servedModel(), request, images.images().size());
          return new GenerateImageResult(images, admission.rateLimit(), trace.upstreamTime());
        });
  }
}
