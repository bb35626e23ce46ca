package io.bedrockgateway.domain.chat;

import io.bedrockgateway.domain.media.MediaUrl;
import java.util.Objects;

/**
 * An image a client named by its URL, which the gateway fetches once the request is admitted, and
 * only from a host its operator allowed; no model ever sees this block, only the {@link ImageBlock}
 * of the fetched bytes.
 */
public record RemoteImageBlock(MediaUrl url) implements ContentBlock {
  public RemoteImageBlock {
    Objects.requireNonNull(url, "url");
  }
}
