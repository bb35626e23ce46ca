package io.bedrockgateway.adapter.http.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/images/generations}: {@code prompt}, {@code model}, {@code n} (1 to 5), {@code
 * size} ({@code WIDTHxHEIGHT}, each 256 to 2048), {@code quality} ({@code standard}, or {@code hd}
 * and {@code high} as premium; {@code auto}, {@code medium} and {@code low} as standard), {@code
 * response_format} {@code b64_json}. The gateway hosts no images, so {@code url} is refused.
 */
final class ImagesHandler implements Handler {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

  record Request(
      String prompt,
      String model,
      Integer n,
      String size,
      String quality,
      @JsonProperty("response_format") String responseFormat,
      String style,
      String user) {}

  record Response(long created, List<Image> data) {}

  record Image(@JsonProperty("b64_json") String b64Json) {}

  private final GenerateImageUseCase images;
  private final JsonBodyReader bodies;
  private final RequestFacts facts;
  private final RejectionRecorder rejections;
  private final Clock clock;

  ImagesHandler(
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
    ctx.json(
        new Response(
            clock.instant().getEpochSecond(),
            result.images().images().stream()
                .map(image -> new Image(Base64.getEncoder().encodeToString(image.bytes())))
                .toList()));
  }

  private GenerateImageCommand command(Context ctx) {
    Request body = bodies.read(ctx, Request.class);
    if (body.responseFormat() != null && !body.responseFormat().equals("b64_json")) {
      throw new InvalidRequest(
          "response_format: the gateway hosts no images, so it answers b64_json only");
    }
    if (body.style() != null) {
      throw new InvalidRequest("style: Bedrock's image models take no style");
    }
    if (body.prompt() == null) {
      throw new InvalidRequest("prompt: is required");
    }
    int width = ImageRequest.DEFAULT_SIDE;
    int height = ImageRequest.DEFAULT_SIDE;
    if (body.size() != null && !body.size().equals("auto")) {
      Matcher size = SIZE.matcher(body.size());
      if (!size.matches()) {
        throw new InvalidRequest("size: must be WIDTHxHEIGHT, such as 1024x1024");
      }
      width = Integer.parseInt(size.group(1));
      height = Integer.parseInt(size.group(2));
    }
    if (body.n() != null && (body.n() < 1 || body.n() > ImageRequest.MAX_IMAGES)) {
      throw new InvalidRequest("n: must be between 1 and " + ImageRequest.MAX_IMAGES);
    }
    if (width < ImageRequest.MIN_SIDE
        || width > ImageRequest.MAX_SIDE
        || height < ImageRequest.MIN_SIDE
        || height > ImageRequest.MAX_SIDE) {
      throw new InvalidRequest(
          "size: each side must be between "
              + ImageRequest.MIN_SIDE
              + " and "
              + ImageRequest.MAX_SIDE);
    }
    ImageQuality quality = quality(body.quality());
    int finalWidth = width;
    int finalHeight = height;
    ImageRequest request =
        FieldPath.at(
            "",
            () ->
                new ImageRequest(
                    body.prompt(),
                    Optional.empty(),
                    finalWidth,
                    finalHeight,
                    quality,
                    Optional.empty(),
                    body.n() == null ? 1 : body.n()));
    return new GenerateImageCommand(
        KeyGate.caller(ctx),
        ChatRequestReader.model(body.model()),
        request,
        facts.context(ctx).withEndUser(ChatRequestReader.endUser(body.user())));
  }

  private static ImageQuality quality(String quality) {
    if (quality == null) {
      return ImageQuality.STANDARD;
    }
    return switch (quality) {
      case "standard", "auto", "medium", "low" -> ImageQuality.STANDARD;
      case "hd", "high", "premium" -> ImageQuality.PREMIUM;
      default ->
          throw new InvalidRequest("quality: must be standard, hd, auto, low, medium or high");
    };
  }
}
