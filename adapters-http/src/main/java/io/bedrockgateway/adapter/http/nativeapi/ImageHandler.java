package io.bedrockgateway.adapter.http.nativeapi;

import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.adapter.http.common.RejectionRecorder;
import io.bedrockgateway.adapter.http.common.RequestFacts;
import io.bedrockgateway.application.port.in.GenerateImageCommand;
import io.bedrockgateway.application.port.in.GenerateImageResult;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.image.ImageQuality;
import io.bedrockgateway.domain.image.ImageRequest;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code POST /images/generate}: base64 PNGs. */
public final class ImageHandler implements Handler {
  private final GenerateImageUseCase images;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final RejectionRecorder rejections;
  private final Clock clock;

  ImageHandler(
      GenerateImageUseCase images,
      JsonBodyReader bodies,
      RequestFacts facts,
      RejectionRecorder rejections,
      Clock clock) {
    this.images = images;
    this.bodies = bodies;
    this.facts = facts;
    this.rejections = rejections;
    this.clock = clock;
  }

  @Override
  public void handle(Context ctx) {
    GenerateImageCommand command =
        rejections.commandOrRecord(ctx, Operation.GENERATE_IMAGE, () -> command(ctx));
    GenerateImageResult result = images.generate(command);
    GatewayHeaders.answered(
        ctx, result.rateLimit(), result.images().servedModel(), result.upstreamTime(), clock);
    List<String> encoded =
        result.images().images().stream()
            .map(image -> Base64.getEncoder().encodeToString(image.bytes()))
            .toList();
    ctx.json(
        new ImageJson.Response(
            encoded.getFirst(),
            encoded,
            result.images().servedModel().value(),
            clock.instant().toString()));
  }

  private GenerateImageCommand command(Context ctx) {
    ImageJson.Request body = bodies.read(ctx, ImageJson.Request.class);
    if (body.prompt() == null) {
      throw new InvalidRequest("prompt: is required");
    }
    ImageQuality quality =
        Optional.ofNullable(body.quality())
            .map(
                name ->
                    ImageQuality.fromWireName(name)
                        .orElseThrow(
                            () -> new InvalidRequest("quality: must be standard or premium")))
            .orElse(ImageQuality.STANDARD);
    ImageRequest request =
        FieldPath.at(
            "",
            () ->
                new ImageRequest(
                    body.prompt(),
                    Optional.ofNullable(body.negativePrompt()),
                    Objects.requireNonNullElse(body.width(), ImageRequest.DEFAULT_SIDE),
                    Objects.requireNonNullElse(body.height(), ImageRequest.DEFAULT_SIDE),
                    quality,
                    Optional.ofNullable(body.seed()),
                    Objects.requireNonNullElse(body.numberOfImages(), 1)));
    return new GenerateImageCommand(
        KeyGate.caller(ctx), RequestFacts.model(body.modelId()), request, facts.context(ctx));
  }
}
