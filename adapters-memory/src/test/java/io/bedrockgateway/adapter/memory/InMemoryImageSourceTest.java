package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.application.port.out.RemoteImageSourceContract;
import io.bedrockgateway.domain.media.MediaUrl;

class InMemoryImageSourceTest extends RemoteImageSourceContract {
  @Override
  protected Images images() {
    InMemoryImageSource source = new InMemoryImageSource(LIMIT);
    return new Images() {
      @Override
      public MediaUrl serve(String name, String contentType, byte[] body) {
        MediaUrl url = missing(name);
        source.serve(url, contentType, body);
        return url;
      }

      @Override
      public MediaUrl missing(String name) {
        return MediaUrl.parse("https://images.example.com/" + name);
      }

      @Override
      public RemoteImageSource source() {
        return source;
      }
    };
  }
}
