package io.bedrockgateway.domain.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.chat.TokenEstimate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InvocationBodyTest {

  @Test
  void estimatesThePromptFromTheTextOfItsStrings() {
    InvocationBody body = body("{\"messages\":[{\"role\":\"user\",\"content\":\"日本語で答えて\"}]}");

    long strings =
        TokenEstimate.quarters("messages")
            + TokenEstimate.quarters("role")
            + TokenEstimate.quarters("user")
            + TokenEstimate.quarters("content")
            + TokenEstimate.quarters("日本語で答えて");
    assertThat(body.estimatedPromptTokens()).isEqualTo(TokenEstimate.tokens(strings));
  }

  @Test
  void anImageCountsAsAnAttachmentNotAsItsBase64Text() {
    char[] base64 = new char[40_000];
    Arrays.fill(base64, 'A');
    InvocationBody body =
        body("{\"source\":{\"type\":\"base64\",\"data\":\"" + new String(base64) + "\"}}");

    long strings =
        TokenEstimate.quarters("source")
            + TokenEstimate.quarters("type")
            + TokenEstimate.quarters("base64")
            + TokenEstimate.quarters("data");
    // 40,000 base64 characters hold 30,000 bytes: more than an attachment's 1,600 tokens' worth
    assertThat(body.estimatedPromptTokens()).isEqualTo(TokenEstimate.tokens(strings + 30_000));
    assertThat(body.estimatedPromptTokens()).isLessThan(TokenEstimate.of(new String(base64)));
  }

  @Test
  void escapedQuotesStayInsideTheirString() {
    InvocationBody body = body("{\"text\":\"say \\\"hi\\\" now\"}");

    assertThat(body.estimatedPromptTokens())
        .isEqualTo(
            TokenEstimate.tokens(
                TokenEstimate.quarters("text") + TokenEstimate.quarters("say \\\"hi\\\" now")));
  }

  @Test
  void knowsWhetherThePromptIsMarkedForTheCache() {
    assertThat(body("{\"cache_control\":{\"type\":\"ephemeral\"}}").usesPromptCache()).isTrue();
    assertThat(body("{\"cache_control\" : {}}").usesPromptCache()).isTrue();
    assertThat(body("{\"text\":\"cache_control\"}").usesPromptCache()).isFalse();
    assertThat(body("{\"text\":\"a \\\"cache_control\\\": b\"}").usesPromptCache()).isFalse();
  }

  @Test
  void isBoundedAndNeverEmpty() {
    assertThatThrownBy(() -> InvocationBody.of(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InvocationBody.of(new byte[InvocationBody.MAX_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void keepsItsOwnCopyOfTheBytes() {
    byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
    InvocationBody body = InvocationBody.of(bytes);

    bytes[0] = 'x';
    body.bytes()[1] = 'y';

    assertThat(body.bytes()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(body).isEqualTo(InvocationBody.of("{}".getBytes(StandardCharsets.UTF_8)));
  }

  private static InvocationBody body(String json) {
    return InvocationBody.of(json.getBytes(StandardCharsets.UTF_8));
  }
}
