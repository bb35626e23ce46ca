package io.bedrockgateway.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * The client an application makes once (it holds the connections, the breaker and the listener) and
 * asks, per user or session, for the {@link BedrockService} that routes that key's calls:
 *
 * <pre>{@code
 * BedrockGatewayClient bedrock = BedrockGatewayClient.fromEnvironment();
 * ChatReply reply = bedrock.forRoutingKey(userId).converse(null, messages, null, ChatOptions.DEFAULTS);
 * log.info("answered via {}", reply.route());
 * }</pre>
 */
public final class BedrockGatewayClient implements AutoCloseable {
  private final ClientSettings settings;
  private final HttpClient http;
  private final BedrockRuntimeAsyncClient bedrock;
  private final GatewayBreaker breaker;
  private final RoutedBedrockService.Router router;

  private BedrockGatewayClient(Builder builder) {
    this.settings = builder.settings();
    this.breaker = new GatewayBreaker(settings.breaker(), builder.clock, builder.listener);
    this.bedrock = DirectClients.create(settings, builder.directCredentials);
    BedrockService direct = new DirectBedrockService(bedrock, settings.models());
    this.http = settings.useGateway() ? GatewayBedrockService.httpClient(settings) : null;
    BedrockService gateway = http == null ? null : new GatewayBedrockService(http, settings);
    this.router =
        new RoutedBedrockService.Router(
            gateway,
            direct,
            new TrafficSplit(settings.useGateway(), settings.trafficPercentage()),
            breaker,
            settings.fallbackToDirect(),
            builder.listener);
  }

  /** A client configured from the process's environment variables ({@link EnvironmentSettings}). */
  public static BedrockGatewayClient fromEnvironment() {
    return builder().settings(EnvironmentSettings.fromSystem()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The service whose calls are routed for {@code routingKey} (a user or session id): one key
   * always takes the same path at a given percentage, in every instance of the application.
   */
  public BedrockService forRoutingKey(String routingKey) {
    return new RoutedBedrockService(routingKey, router);
  }

  /**
   * The path a call for {@code routingKey} is meant to take (a fallback may still send it direct).
   */
  public Route route(String routingKey) {
    return router.split().decide(routingKey);
  }

  public BreakerState gatewayBreakerState() {
    return breaker.state();
  }

  public ClientSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    bedrock.close();
    if (http != null) {
      http.close();
    }
  }

  /**
   * Builds a client from {@link ClientSettings} (the environment's, or {@link
   * ClientSettings#defaults()} changed by the methods below). A bad value fails in {@link
   * #build()}, naming the environment variable that would carry it.
   */
  public static final class Builder {
    private ClientSettings base = ClientSettings.defaults();
    private Boolean useGateway;
    private URI gatewayUrl;
    private String gatewayKey;
    private Integer trafficPercentage;
    private Boolean fallbackToDirect;
    private BreakerSettings breaker;
    private String region;
    private URI directEndpoint;
    private DefaultModels models;
    private Duration connectTimeout;
    private Duration firstByteTimeout;
    private AwsCredentialsProvider directCredentials;
    private ClientListener listener = ClientListener.NONE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Starts from these settings instead of the defaults. */
    public Builder settings(ClientSettings settings) {
      this.base = settings;
      return this;
    }

    /** Starts from the settings these environment variables give. */
    public Builder environment(Map<String, String> environment) {
      return settings(EnvironmentSettings.read(environment));
    }

    /** Turns the gateway on, at this URL with this key ({@code USE_BEDROCK_GATEWAY=true}). */
    public Builder gateway(URI url, String key) {
      this.useGateway = true;
      this.gatewayUrl = url;
      this.gatewayKey = key;
      return this;
    }

    public Builder useGateway(boolean on) {
      this.useGateway = on;
      return this;
    }

    public Builder trafficPercentage(int percentage) {
      this.trafficPercentage = percentage;
      return this;
    }

    public Builder fallbackToDirect(boolean on) {
      this.fallbackToDirect = on;
      return this;
    }

    public Builder breaker(BreakerSettings settings) {
      this.breaker = settings;
      return this;
    }

    public Builder timeouts(Duration connect, Duration firstByte) {
      this.connectTimeout = connect;
      this.firstByteTimeout = firstByte;
      return this;
    }

    public Builder region(String awsRegion) {
      this.region = awsRegion;
      return this;
    }

    /** Another Bedrock Runtime endpoint for the direct path (a VPC endpoint, an emulator). */
    public Builder directEndpoint(URI endpoint) {
      this.directEndpoint = endpoint;
      return this;
    }

    /** The direct path's credentials; by default the SDK's default chain. */
    public Builder directCredentials(AwsCredentialsProvider credentials) {
      this.directCredentials = credentials;
      return this;
    }

    public Builder models(DefaultModels defaults) {
      this.models = defaults;
      return this;
    }

    public Builder listener(ClientListener newListener) {
      this.listener = newListener == null ? ClientListener.NONE : newListener;
      return this;
    }

    /** The breaker's clock (tests move it past the cool-down). */
    public Builder clock(Clock newClock) {
      this.clock = newClock;
      return this;
    }

    public BedrockGatewayClient build() {
      return new BedrockGatewayClient(this);
    }

    private ClientSettings settings() {
      return new ClientSettings(
          useGateway == null ? base.useGateway() : useGateway,
          gatewayUrl == null ? base.gatewayUrl() : gatewayUrl,
          gatewayKey == null ? base.gatewayKey() : gatewayKey,
          trafficPercentage == null ? base.trafficPercentage() : trafficPercentage,
          fallbackToDirect == null ? base.fallbackToDirect() : fallbackToDirect,
          connectTimeout == null ? base.connectTimeout() : connectTimeout,
          firstByteTimeout == null ? base.firstByteTimeout() : firstByteTimeout,
          breaker == null ? base.breaker() : breaker,
          region == null ? base.region() : region,
          directEndpoint == null ? base.directEndpoint() : directEndpoint,
          models == null ? base.models() : models);
    }
  }
}
