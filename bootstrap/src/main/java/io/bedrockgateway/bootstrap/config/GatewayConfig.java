package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.plan.Plan;
import java.util.List;
import java.util.Objects;

/** Everything the gateway is configured with, validated. */
public record GatewayConfig(
    HttpSettings http,
    BedrockSettings bedrock,
    List<ApiKeySecret> apiKeys,
    Plan defaultPlan,
    ModelDefaults defaults,
    ModelCatalog catalog,
    PriceTable prices,
    int reservedOutputTokens) {

  public GatewayConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(bedrock, "bedrock");
    apiKeys = List.copyOf(apiKeys);
    Objects.requireNonNull(defaultPlan, "defaultPlan");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(prices, "prices");
  }

  public GatewayConfig withApiKeys(List<ApiKeySecret> keys) {
    return new GatewayConfig(
        http, bedrock, keys, defaultPlan, defaults, catalog, prices, reservedOutputTokens);
  }

  public GatewayConfig withBedrock(BedrockSettings settings) {
    return new GatewayConfig(
        http, settings, apiKeys, defaultPlan, defaults, catalog, prices, reservedOutputTokens);
  }

  public GatewayConfig withHttp(HttpSettings settings) {
    return new GatewayConfig(
        settings, bedrock, apiKeys, defaultPlan, defaults, catalog, prices, reservedOutputTokens);
  }
}
