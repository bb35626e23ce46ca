package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.adapter.bedrock.BedrockSettings;
import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.adapter.mongo.MongoSettings;
import io.bedrockgateway.domain.chat.ModelId;
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
 * @param mongo where keys and usage are kept; absent keeps them in memory
 */
public record GatewayConfig(
    HttpSettings http,
    BedrockSettings bedrock,
    List<ApiKeySecret> apiKeys,
    Plan defaultPlan,
    ModelId defaultChatModel,
    PriceTable prices,
    int reservedOutputTokens,
    Optional<MongoSettings> mongo) {

  public GatewayConfig {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(bedrock, "bedrock");
    apiKeys = List.copyOf(apiKeys);
    Objects.requireNonNull(defaultPlan, "defaultPlan");
    Objects.requireNonNull(defaultChatModel, "defaultChatModel");
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(mongo, "mongo");
  }

  /** The plans keys may be on. */
  public PlanCatalog plans() {
    return PlanCatalog.of(defaultPlan);
  }

  public GatewayConfig withApiKeys(List<ApiKeySecret> keys) {
    return new GatewayConfig(
        http, bedrock, keys, defaultPlan, defaultChatModel, prices, reservedOutputTokens, mongo);
  }

  public GatewayConfig withBedrock(BedrockSettings settings) {
    return new GatewayConfig(
        http,
        settings,
        apiKeys,
        defaultPlan,
        defaultChatModel,
        prices,
        reservedOutputTokens,
        mongo);
  }

  public GatewayConfig withHttp(HttpSettings settings) {
    return new GatewayConfig(
        settings,
        bedrock,
        apiKeys,
        defaultPlan,
        defaultChatModel,
        prices,
        reservedOutputTokens,
        mongo);
  }
}
