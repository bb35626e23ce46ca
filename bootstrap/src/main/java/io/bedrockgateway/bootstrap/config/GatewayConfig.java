package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import io.bedrockgateway.adapter.metrics.MetricsSettings;
import io.bedrockgateway.adapter.mongo.MongoSettings;
import io.bedrockgateway.application.service.UnpricedModels;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.PlanCatalog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the gateway is configured with, validated.
 *
 * @param keyIds how the public ids of the {@code API_KEYS} keys are derived
 * @param mongo where keys and usage are kept; absent keeps them in memory
 * @param metrics what the metrics label
 * @param unpricedModels whether keys with a USD budget may call models without a price
 * @param remoteMedia which images named by URL the gateway fetches, and how
 */
public record GatewayConfig(
    HttpSettings http,
    BedrockSettings bedrock,
    List<ApiKeySecret> apiKeys,
    KeyIdDerivation keyIds,
    PlanCatalog plans,
    LimitsConfig limits,
    ModelDefaults defaults,
    ModelCatalog catalog,
    PriceTable prices,
    int reservedOutputTokens,
    Optional<MongoSettings> mongo,
    MetricsSettings metrics,
    UnpricedModels unpricedModels,
    AnthropicSettings anthropic,
    RemoteMedia remoteMedia) {

  public GatewayConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(anthropic, "anthropic");
    Objects.requireNonNull(bedrock, "bedrock");
    apiKeys = List.copyOf(apiKeys);
    Objects.requireNonNull(keyIds, "keyIds");
    Objects.requireNonNull(plans, "plans");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(mongo, "mongo");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(unpricedModels, "unpricedModels");
    Objects.requireNonNull(remoteMedia, "remoteMedia");
  }

  /** The plan of keys that name none, such as those of {@code API_KEYS}. */
  public Plan defaultPlan() {
    return plans.defaultPlan();
  }

  public GatewayConfig withApiKeys(List<ApiKeySecret> keys) {
    return new GatewayConfig(
        http,
        bedrock,
        keys,
        keyIds,
        plans,
        limits,
        defaults,
        catalog,
        prices,
        reservedOutputTokens,
        mongo,
        metrics,
        unpricedModels,
        anthropic,
        remoteMedia);
  }

  public GatewayConfig withBedrock(BedrockSettings settings) {
    return new GatewayConfig(
        http,
        settings,
        apiKeys,
        keyIds,
        plans,
        limits,
        defaults,
        catalog,
        prices,
        reservedOutputTokens,
        mongo,
        metrics,
        unpricedModels,
        anthropic,
        remoteMedia);
  }
}
