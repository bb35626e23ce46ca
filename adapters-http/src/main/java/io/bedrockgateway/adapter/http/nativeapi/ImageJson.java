package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of {@code POST /images/generate}, as sent, and its answer. */
public final class ImageJson {
  private ImageJson() {}

  public record Request(
      String prompt,
      @JsonProperty("model_id") String modelId,
      Integer width,
      Integer height,
      String quality,
      @JsonProperty("negative_prompt") String negativePrompt,
      Long seed,
      @JsonProperty("number_of_images") Integer numberOfImages) {}

  /** {@code image} is the first of {@code images}, for clients that ask for one. */
  public record Response(
      String image,
      List<String> images,
      @JsonProperty("model_id") String modelId,
      String timestamp) {}
}
