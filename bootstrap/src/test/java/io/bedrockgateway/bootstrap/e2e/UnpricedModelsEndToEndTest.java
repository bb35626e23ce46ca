package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing free: a key with a USD budget cannot call a model without a price, unless allowed. */
class UnpricedModelsEndToEndTest {
  private static final String KEY = "budgeted-key-0123456789";
  private static final String UNPRICED = "meta.llama3-2-1b-instruct-v1:0";
  private static final String PRICED = "nova-lite";

  private static String chat(String model) {
    return SseClient.json(
        Map.of("model_id", model, "messages", List.of(Map.of("role", "user", "content", "Hello"))));
  }

  @Test
  void aBudgetedKeyIsRefusedAnUnpricedModelWithHowToPriceIt() {
    try (Gateway gateway =
        TestGateways.start(Map.of("API_KEYS", KEY, "BUDGET_USD_PER_MONTH", "10"))) {
      SseClient client = new SseClient(gateway.port());

      HttpResponse<String> refused =
          client.post("/api/v1/converse", chat(UNPRICED), Map.of("X-API-Key", KEY));
      HttpResponse<String> served =
          client.post("/api/v1/converse", chat(PRICED), Map.of("X-API-Key", KEY));

      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(SseClient.parse(refused.body()).path("detail").asText())
          .contains(UNPRICED)
          .contains("MODEL_PRICES_FILE");
      assertThat(served.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void allowedUnpricedModelsAreServedAndCountedWithTheCostUnknown() {
    try (Gateway gateway =
        TestGateways.start(
            Map.of("API_KEYS", KEY, "BUDGET_USD_PER_MONTH", "10", "UNPRICED_MODELS", "allow"))) {
      SseClient client = new SseClient(gateway.port());

      HttpResponse<String> served =
          client.post("/api/v1/converse", chat(UNPRICED), Map.of("X-API-Key", KEY));

      assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
      JsonNode total =
          SseClient.parse(client.get("/api/v1/usage", Map.of("X-API-Key", KEY)).body())
              .path("total");
      assertThat(total.path("unpriced_requests").asInt()).isEqualTo(1);
      assertThat(total.path("output_tokens").asInt()).isPositive();
    }
  }
}
