package io.bedrockgateway.adapter.bedrock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.ModelInvoker;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.application.port.out.UpstreamObserver;
import java.util.Objects;

/**
 * Binds {@link ModelInvoker} and {@link TokenCounter} to Bedrock, and a {@link DependencyProbe} for
 * it; the injector must bind an {@link UpstreamObserver}. The invoker is also bound as {@link
 * BedrockModelInvoker} so the application can {@link BedrockModelInvoker#close() close} it on
 * shutdown.
 */
public final class BedrockModule extends AbstractModule {

  private final BedrockSettings settings;

  public BedrockModule(BedrockSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  protected void configure() {
    bind(ModelInvoker.class).to(BedrockModelInvoker.class);
    bind(TokenCounter.class).to(BedrockModelInvoker.class);
    Multibinder.newSetBinder(binder(), DependencyProbe.class).addBinding().to(BedrockProbe.class);
  }

  @Provides
  @Singleton
  BedrockModelInvoker bedrockModelInvoker(UpstreamObserver observer) {
    return BedrockModelInvoker.create(settings, observer);
  }

  @Provides
  @Singleton
  BedrockProbe probe(BedrockModelInvoker invoker) {
    return invoker.probe();
  }
}
