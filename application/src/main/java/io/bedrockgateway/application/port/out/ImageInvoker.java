package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.image.ImageRequest;

/**
 * Generates images with a model along a {@link ModelRoute}, with the failover of {@link
 * ChatInvoker}. Failures surface as {@link io.bedrockgateway.domain.error.GatewayException}s.
 */
public interface ImageInvoker {
  GeneratedImages generateImage(ModelRoute route, ImageRequest request);
}
