package io.bedrockgateway.adapter.http;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import io.bedrockgateway.adapter.http.common.UseCases;
import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * Provides the {@link GatewayHttpServer}; the injector must bind the use cases of {@link UseCases}
 * and a {@link Clock}. Starting and stopping the server is the caller's job.
 */
public final class HttpModule extends AbstractModule {
  private final HttpSettings settings;
  private final AnthropicSettings anthropic;
  private final RemoteMediaPolicy remoteMedia;

  public HttpModule(HttpSettings settings) {
    this(settings, AnthropicSettings.DEFAULTS);
  }

  public HttpModule(HttpSettings settings, AnthropicSettings anthropic) {
    this(settings, anthropic, RemoteMediaPolicy.NONE);
  }

  /**
   * @param remoteMedia which images the OpenAI surface takes by URL
   */
  public HttpModule(
      HttpSettings settings, AnthropicSettings anthropic, RemoteMediaPolicy remoteMedia) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.anthropic = Objects.requireNonNull(anthropic, "anthropic");
    this.remoteMedia = Objects.requireNonNull(remoteMedia, "remoteMedia");
  }

  @Provides
  @Singleton
  GatewayHttpServer gatewayHttpServer(
      AuthenticateUseCase authenticate,
      ConverseUseCase converse,
      EmbedUseCase embed,
      GenerateImageUseCase images,
      ListModelsUseCase models,
      HealthUseCase health,
      ManageKeysUseCase keys,
      UsageReportUseCase usage,
      RecordRejectionUseCase rejections,
      MetricsUseCase metrics,
      InvokeUseCase invoke,
      CountTokensUseCase countTokens,
      Clock clock) {
    return new GatewayHttpServer(
        settings,
        anthropic,
        remoteMedia,
        new UseCases(
            authenticate,
            converse,
            embed,
            images,
            models,
            health,
            keys,
            usage,
            rejections,
            metrics,
            invoke,
            countTokens),
        clock);
  }
}
