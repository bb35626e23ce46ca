package io.bedrockgateway.adapter.http;

import io.bedrockgateway.adapter.http.common.GatewayHeaders;
import io.javalin.plugin.bundled.CorsPluginConfig.CorsRule;
import java.util.List;

/** Which browser origins may call the API, from {@link HttpSettings#corsOrigins()}. */
final class CorsRules {
  private CorsRules() {}

  static void apply(CorsRule rule, HttpSettings settings) {
    List<String> origins = settings.corsOrigins();
    if (origins.contains(HttpSettings.ANY_ORIGIN)) {
      rule.anyHost();
    } else {
      rule.allowHost(origins.getFirst(), origins.subList(1, origins.size()).toArray(String[]::new));
    }
    GatewayHeaders.EXPOSED.forEach(rule::exposeHeader);
  }
}
