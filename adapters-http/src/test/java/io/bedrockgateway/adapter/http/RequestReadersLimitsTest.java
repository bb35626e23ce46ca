package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.http.admin.AdminCommands;
import io.bedrockgateway.adapter.http.admin.AdminJson;
import io.bedrockgateway.adapter.http.common.GatewayJson;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.common.RequestLimits;
import io.bedrockgateway.adapter.http.nativeapi.ChatRequestMapper;
import io.bedrockgateway.adapter.http.nativeapi.ConverseRequestJson;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.key.KeyId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The list bounds of {@link RequestLimits}, checked before a list's entries are looked at. */
class RequestReadersLimitsTest {
  private static final String HELLO = "{\"role\":\"user\",\"content\":\"hi\"}";
  private static final String TOOL =
      "{\"toolSpec\":{\"name\":\"w\",\"inputSchema\":{\"json\":{}}}}";

  private final JsonBodyReader reader =
      new JsonBodyReader(
          GatewayJson.newMapper(),
          HttpLimits.DEFAULTS.withMaxRequestBytes(1 << 24),
          HttpTimeouts.DEFAULTS);
  private final ChatRequestMapper mapper = new ChatRequestMapper();

  @Test
  void aConversationHoldsAtMostAThousandMessages() {
    assertThat(chat("{\"messages\":[" + times(1_000, HELLO) + "]}").messages()).hasSize(1_000);
    assertRefused(
        "{\"messages\":[" + times(1_001, HELLO) + "]}",
        "messages: must hold at most 1000 messages");
    assertRefused(
        "{\"messages\":[" + times(10_000, "{}") + "]}",
        "messages: must hold at most 1000 messages");
  }

  @Test
  void aMessageHoldsAtMostAThousandContentBlocks() {
    assertThat(
            chat("{\"messages\":[{\"role\":\"user\",\"content\":["
                    + times(1_000, "{\"text\":\"a\"}")
                    + "]}]}")
                .messages()
                .getFirst()
                .content())
        .hasSize(1_000);
    assertRefused(
        "{\"messages\":[{\"role\":\"user\",\"content\":[" + times(10_000, "{}") + "]}]}",
        "messages[0].content: must hold at most 1000 content blocks");
  }

  @Test
  void aToolResultHoldsAtMostAThousandBlocks() {
    assertRefused(
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":\"t\","
            + "\"content\":["
            + times(1_001, "{}")
            + "]}}]}]}",
        "messages[0].content[0].toolResult.content: must hold at most 1000 blocks");
  }

  @Test
  void aToolConfigHoldsAtMostAThousandTools() {
    assertRefused(
        "{\"messages\":[" + HELLO + "],\"tool_config\":{\"tools\":[" + times(1_001, TOOL) + "]}}",
        "tool_config.tools: must hold at most 1000 tools");
  }

  @Test
  void aKeyAllowsAtMostAThousandModels() {
    String body = "{\"name\":\"bot\",\"allowed_models\":[" + times(1_001, "\"claude\"") + "]}";

    assertThatThrownBy(() -> AdminCommands.create(read(body, AdminJson.CreateKeyJson.class)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("allowed_models: must hold at most 1000 models");
    assertThatThrownBy(
            () ->
                AdminCommands.update(
                    new KeyId("known1"), read(body, AdminJson.UpdateKeyJson.class)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("allowed_models: must hold at most 1000 models");
  }

  @Test
  void aNullAllowedModelIsNoModelNamedNull() {
    String body = "{\"name\":\"bot\",\"allowed_models\":[\"claude\",null]}";

    assertThatThrownBy(() -> AdminCommands.create(read(body, AdminJson.CreateKeyJson.class)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("allowed_models[1]: must be a string");
  }

  @Test
  void aBudgetBeyondWhatTheLedgerCountsIsOutOfRange() {
    String body = "{\"name\":\"bot\",\"limits\":{\"monthly_budget_usd\":1e20}}";

    assertThatThrownBy(() -> AdminCommands.create(read(body, AdminJson.CreateKeyJson.class)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("limits.monthly_budget_usd: the number is out of range");
  }

  private void assertRefused(String body, String detail) {
    assertThatThrownBy(() -> chat(body)).isInstanceOf(InvalidRequest.class).hasMessage(detail);
  }

  private io.bedrockgateway.domain.chat.ChatRequest chat(String body) {
    return mapper.toChatRequest(read(body, ConverseRequestJson.class));
  }

  private <T> T read(String body, Class<T> type) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return reader.read(new ByteArrayInputStream(bytes), bytes.length, type);
  }

  private static String times(int count, String element) {
    return String.join(",", Collections.nCopies(count, element));
  }
}
