package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.media.MediaSettings;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.util.Objects;

/**
 * Images a client may name by URL: which the gateway fetches ({@code REMOTE_MEDIA_HOSTS}, {@code
 * REMOTE_MEDIA_ALLOW_HTTP}, {@code REMOTE_MEDIA_MAX_IMAGES}) and how ({@code
 * REMOTE_MEDIA_MAX_BYTES}, {@code REMOTE_MEDIA_TIMEOUT_MS}).
 */
public record RemoteMedia(RemoteMediaPolicy policy, MediaSettings fetching) {
  /** Nothing is fetched: the default. */
  public static final RemoteMedia NONE =
      new RemoteMedia(RemoteMediaPolicy.NONE, MediaSettings.DEFAULTS);

  public RemoteMedia {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(fetching, "fetching");
  }
}
