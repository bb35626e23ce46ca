package io.bedrockgateway.adapter.bedrock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.application.port.out.EmbeddingInvoker;
import io.bedrockgateway.application.port.out.ImageInvoker;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.application.port.out.UpstreamObserver;
import java.util.Objects;

/**
 * Binds the model ports ({@link ChatInvoker}, {@link EmbeddingInvoker}, {@link ImageInvoker},
 * {@link RawInvoker}) and {@link TokenCounter} to Bedrock, and a {@link DependencyProbe} for it;
 * the injector must bind an {@link UpstreamObserver}. The invoker is also bound as {@link
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
    bind(ChatInvoker.class).to(BedrockModelInvoker.class);
    bind(EmbeddingInvoker.class).to(BedrockModelInvoker.class);
    bind(ImageInvoker.class).to(BedrockModelInvoker.class);
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
  RawInvoker rawInvoker(BedrockModelInvoker invoker) {
    return invoker.raw();
  }

  @Provides
  @Singleton
  BedrockProbe probe(BedrockModelInvoker invoker) {
    return invoker.probe();
  }
}
