package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatedUsage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A prompt with a cache point, through the gateway and the real SDK to the emulator: the first
 * request writes the prefix to the cache, the second reads it, and the ledger records both kinds of
 * cache tokens and prices them at their own rates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromptCacheEndToEndTest {
  private static final String KEY = "prompt-cache-key-0123456789";
  // Claude Haiku 4.5, shipped prices per million: 1.00 in, 5.00 out, 0.10 cache read, 1.25 write
  private static final String HAIKU = "claude-haiku";

  private Gateway gateway;
  private SseClient client;

  @BeforeAll
  void start() {
    gateway = TestGateways.start(Map.of("API_KEYS", KEY, "RATE_LIMIT_REQUESTS", "0"));
    client = new SseClient(gateway.port());
  }

  @AfterAll
  void stop() {
    gateway.close();
  }

  private JsonNode converse(String path, String manual, String question) {
    String body =
        SseClient.json(
            Map.of(
                "model_id",
                HAIKU,
                "messages",
                List.of(
                    Map.of(
                        "role",
                        "system",
                        "content",
                        List.of(
                            Map.of("text", manual),
                            Map.of("cachePoint", Map.of("type", "default")))),
                    Map.of("role", "user", "content", question))));
    HttpResponse<String> response = client.post(path, body, Map.of("X-API-Key", KEY));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    if (path.endsWith("-stream")) {
      return SseClient.events(response.body()).getLast().path("metadata").path("usage");
    }
    return SseClient.parse(response.body()).path("usage");
  }

  @Test
  void aCachedPromptRecordsItsCacheTokensAndTheirCost() {
    String manual =
        "The support manual, edition " + UUID.randomUUID() + ". " + "Be kind. ".repeat(50);
    int prefix = EmulatedUsage.inputTokens(List.of(manual));
    int input = EmulatedUsage.inputTokens(List.of(manual, "Where?")) - prefix;
    int output = EmulatedAnswer.DEFAULT_TOKENS;

    JsonNode written = converse("/api/v1/converse", manual, "Where?");
    JsonNode read = converse("/api/v1/converse-stream", manual, "Where?");

    assertThat(written.path("cacheWriteInputTokens").asInt()).isEqualTo(prefix);
    assertThat(written.path("cacheReadInputTokens").asInt()).isZero();
    assertThat(written.path("totalTokens").asInt()).isEqualTo(input + output + prefix);
    assertThat(read.path("cacheReadInputTokens").asInt()).isEqualTo(prefix);
    assertThat(read.path("cacheWriteInputTokens").asInt()).isZero();
    JsonNode usage =
        SseClient.parse(client.get("/api/v1/usage", Map.of("X-API-Key", KEY)).body()).path("total");
    assertThat(usage.path("requests").asInt()).isEqualTo(2);
    assertThat(usage.path("input_tokens").asInt()).isEqualTo(2 * input);
    assertThat(usage.path("output_tokens").asInt()).isEqualTo(2 * output);
    assertThat(usage.path("cache_write_input_tokens").asInt()).isEqualTo(prefix);
    assertThat(usage.path("cache_read_input_tokens").asInt()).isEqualTo(prefix);
    BigDecimal microDollars =
        BigDecimal.valueOf(2L * input * 100 + 2L * output * 500 + prefix * 10L + prefix * 125L);
    assertThat(usage.path("cost_usd").decimalValue())
        .isEqualByComparingTo(microDollars.movePointLeft(8));
  }
}
