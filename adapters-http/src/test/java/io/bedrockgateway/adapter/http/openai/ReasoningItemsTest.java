package io.bedrockgateway.adapter.http.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bedrockgateway.domain.chat.ReasoningBlock;
import io.bedrockgateway.domain.chat.RedactedReasoningBlock;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReasoningItemsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void aReasoningBlockComesBackByteForByte() {
    ReasoningBlock signed =
        new ReasoningBlock("考える. Then: \"call\" the tool\n", Optional.of("EqQB+/x=="));
    ReasoningBlock unsigned = new ReasoningBlock("plain", Optional.empty());
    RedactedReasoningBlock redacted =
        new RedactedReasoningBlock(new BinaryData(new byte[] {0, -1, 46, 127}));

    assertThat(ReasoningItems.open("p", JSON.textNode(ReasoningItems.sealed(signed))))
        .contains(signed);
    assertThat(ReasoningItems.open("p", JSON.textNode(ReasoningItems.sealed(unsigned))))
        .contains(unsigned);
    assertThat(ReasoningItems.open("p", JSON.textNode(ReasoningItems.sealed(redacted))))
        .contains(redacted);
  }

  @Test
  void anItemShowsTheTextAsItsSummary() {
    ResponsesJson.ReasoningItem item =
        ReasoningItems.item("rs_1", new ReasoningBlock("Let me think.", Optional.of("sig")));

    assertThat(item.type()).isEqualTo("reasoning");
    assertThat(item.summary())
        .containsExactly(new ResponsesJson.SummaryText("summary_text", "Let me think."));
    assertThat(ReasoningItems.item("rs_2", new TextBlock("answer"))).isEmpty();
  }

  @Test
  void anotherModelsReasoningIsLeftOutAndADamagedValueIsRefused() {
    assertThat(ReasoningItems.open("p", JSON.textNode("gAAAAABoOpenAiEncrypted"))).isEmpty();
    assertThat(ReasoningItems.open("p", null)).isEmpty();
    for (String damaged : List.of("bgw1.t.%%.x", "bgw1.q.abc", "bgw1.r.", "bgw1.t..", "bgw1.t")) {
      assertThatThrownBy(
              () -> ReasoningItems.open("input[2].encrypted_content", JSON.textNode(damaged)))
          .isInstanceOf(InvalidRequest.class)
          .hasMessageStartingWith("input[2].encrypted_content: ");
    }
  }
}
