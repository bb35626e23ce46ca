package io.bedrockgateway.client;

import java.util.Base64;
import java.util.List;

/** Generated images, each a base64 PNG, the model that drew them, and the route the call took. */
public record GeneratedImages(List<String> imagesBase64, String model, Route route) {
  public GeneratedImages {
    if (imagesBase64 == null || imagesBase64.isEmpty() || model == null || route == null) {
      throw new IllegalArgumentException("generated images have images, a model and a route");
    }
    imagesBase64 = List.copyOf(imagesBase64);
  }

  /** The first image, base64 (what the earlier gateway's clients read as {@code image}). */
  public String image() {
    return imagesBase64.getFirst();
  }

  /** The first image's PNG bytes. */
  public byte[] png() {
    return Base64.getDecoder().decode(image());
  }

  GeneratedImages withRoute(Route newRoute) {
    return new GeneratedImages(imagesBase64, model, newRoute);
  }
}
