package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.MediaUrl;
import java.util.List;

/**
 * Fetches images a client named by URL, from hosts the gateway's policy already allowed. Every
 * fetch is bounded: in bytes (a larger image is refused without reading past the limit), in time
 * (one deadline for the whole list), and in hops (a redirect is refused, never followed). An image
 * that cannot be had is the client's to fix, so it is an {@link InvalidRequest} naming its URL and
 * the reason: not found or refused, a redirect, not an image, too large, too slow, unreachable.
 */
@FunctionalInterface
public interface RemoteImageSource {
  /** Fetches nothing: every URL is refused. */
  RemoteImageSource NONE =
      urls -> {
        if (urls.isEmpty()) {
          return List.of();
        }
        throw new InvalidRequest(
            "image "
                + urls.getFirst()
                + ": the gateway fetches no image URL; send the bytes as a data: URL");
      };

  /**
   * The bytes at each of {@code urls}, in their order.
   *
   * @throws InvalidRequest naming the first URL that could not be fetched, and why
   */
  List<BinaryData> fetch(List<MediaUrl> urls);
}
