package io.bedrockgateway.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anthropic.claude-3-5-sonnet-20240620-v1:0",
        "anthropic.claude-sonnet-4-5-20250929-v1:0",
        "amazon.titan-embed-text-v2:0",
        "amazon.titan-embed-image-v1",
        "amazon.nova-canvas-v1:0",
        "stability.stable-image-core-v1:1",
        "stability.sd3-5-large-v1:0",
        "cohere.embed-english-v3",
        "meta.llama3-3-70b-instruct-v1:0",
        "anthropic.claude-3-haiku-20240307-v1:0:200k",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "apac.amazon.nova-pro-v1:0",
        "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0",
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-x-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6",
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-v1:0:8k/abc123",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abc123def456",
        "arn:aws:bedrock:us-west-2:123456789012:imported-model/abc123def456",
        "arn:aws:bedrock:us-east-1:123456789012:default-prompt-router/anthropic.claude:1",
        "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.titan-embed-text-v2:0",
        "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/amazon.titan-embed-text-v2:0",
        "claude-sonnet",
        "claude",
        "gpt-4o",
        "sd3-5-large",
        "my_alias.v2"
      })
  void acceptsWhatBedrockAcceptsAndCatalogueAliases(String id) {
    assertThat(new ModelId(id).value()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../etc/passwd",
        "..",
        "anthropic/claude",
        "anthropic.claude\\v1",
        "-claude",
        ".claude",
        "claude?x=1",
        "claude#1",
        "claude%2F..",
        "claude;rm",
        "<script>",
        "mödel",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/../other",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/",
        "arn:aws:bedrock:us-east-1:123456789012:bucket/x",
        "arn:aws:s3:us-east-1:123456789012:foundation-model/x",
        "arn:aws:bedrock:us-east-1:123:foundation-model/x",
        "arn:aws:bedrock:US-EAST-1::foundation-model/x",
        "arn:aws:bedrock:us-east-1::foundation-model/x//y"
      })
  void refusesAnythingElse(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelId(id))
        .withMessageStartingWith("model id must be a Bedrock model id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a b", " claude", "claude\t", "claude\n", "claude\u2028"})
  void refusesWhiteSpace(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelId(id))
        .withMessage("model id must not contain white space");
  }

  @ParameterizedTest
  @ValueSource(strings = {"claude\u0000", "claude\u0007", "\u007fclaude", "claude\u0085x"})
  void refusesControlCharacters(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelId(id))
        .withMessageContaining("must not contain");
  }

  @Test
  void refusesBlankAndOverlongIds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelId(""))
        .withMessage("model id must be 1 to 2048 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelId("a".repeat(2049)))
        .withMessage("model id must be 1 to 2048 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ModelId("a".repeat(257)))
        .withMessageStartingWith("model id must be a Bedrock model id");
    String longArn = "arn:aws:bedrock:us-east-1:123456789012:custom-model/" + "a".repeat(1_990);
    assertThat(new ModelId(longArn).value()).hasSize(2042);
  }

  @Test
  void aLongHostileIdIsRefusedQuickly() {
    String hostile = "arn:aws:bedrock:us-east-1::foundation-model/" + "a/".repeat(1_000) + "?";

    assertThatIllegalArgumentException().isThrownBy(() -> new ModelId(hostile));
  }

  @Test
  void baseModelIdDropsArnTypeAndGeographicPrefix() {
    assertThat(
            new ModelId(
                    "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
                        + "us.anthropic.claude-sonnet-4-5-20250929-v1:0")
                .baseModelId())
        .isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
    assertThat(new ModelId("us-gov.amazon.nova-pro-v1:0").baseModelId())
        .isEqualTo("amazon.nova-pro-v1:0");
    assertThat(new ModelId("claude-sonnet").baseModelId()).isEqualTo("claude-sonnet");
  }
}
