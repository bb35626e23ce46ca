package io.bedrockgateway.adapter.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.out.DependencyProbe;
import java.util.Objects;

/**
 * Provides the {@link RedisQuotaCounter} over one {@link RedisConnection}, and the {@code redis}
 * health probe. The connection is bound so that whoever starts the gateway can close it.
 */
public final class RedisModule extends AbstractModule {
  private final RedisSettings settings;
  private final boolean requiredToServe;

  public RedisModule(RedisSettings settings, boolean requiredToServe) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.requiredToServe = requiredToServe;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), DependencyProbe.class).addBinding().to(RedisProbe.class);
  }

  @Provides
  @Singleton
  RedisConnection connection() {
    return RedisConnection.open(settings);
  }

  @Provides
  @Singleton
  RedisQuotaCounter quotaCounter(RedisConnection connection) {
    return new RedisQuotaCounter(connection);
  }

  @Provides
  @Singleton
  RedisProbe probe(RedisConnection connection) {
    return new RedisProbe(connection, requiredToServe);
  }
}
