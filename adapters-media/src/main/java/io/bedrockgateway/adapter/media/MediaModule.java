package io.bedrockgateway.adapter.media;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bedrockgateway.application.port.out.RemoteImageSource;
import java.util.Objects;

/** Provides the {@link RemoteImageSource} that fetches over HTTP, one for the whole gateway. */
public final class MediaModule extends AbstractModule {
  private final MediaSettings settings;

  public MediaModule(MediaSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Provides
  @Singleton
  HttpImageSource httpImageSource() {
    return new HttpImageSource(settings);
  }

  @Provides
  @Singleton
  RemoteImageSource remoteImageSource(HttpImageSource source) {
    return source;
  }
}
