package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.MediaUrl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Images kept in memory by URL, fetched as the HTTP source fetches them, for tests. */
public final class InMemoryImageSource implements RemoteImageSource {
  private record Served(String contentType, byte[] body) {}

  private final Map<MediaUrl, Served> images = new ConcurrentHashMap<>();
  private final long maxBytes;

  public InMemoryImageSource(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Serves {@code body} as {@code contentType} at {@code url}. */
  public void serve(MediaUrl url, String contentType, byte[] body) {
    images.put(url, new Served(contentType, body.clone()));
  }

  @Override
  public List<BinaryData> fetch(List<MediaUrl> urls) {
    return urls.stream().map(this::fetch).toList();
  }

  private BinaryData fetch(MediaUrl url) {
    Served served = images.get(url);
    if (served == null) {
      throw refused(url, "the host answered 404, not the image");
    }
    String type = served.contentType().split(";", 2)[0].strip();
    if (!type.startsWith("image/")) {
      throw refused(url, "the host sent " + type + ", not a PNG, JPEG, GIF or WebP image");
    }
    if (served.body().length > maxBytes) {
      throw refused(url, "the image is larger than the " + maxBytes + " bytes the gateway fetches");
    }
    return new BinaryData(served.body());
  }

  private static InvalidRequest refused(MediaUrl url, String reason) {
    return new InvalidRequest("image " + url + ": " + reason);
  }
}
