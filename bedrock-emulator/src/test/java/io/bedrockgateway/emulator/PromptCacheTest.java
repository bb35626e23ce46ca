package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The emulator's prompt cache: written on the first sight of a prefix, read on the next. */
class PromptCacheTest {
  private static final String MODEL = "amazon.nova-lite-v1:0";
  private static final String MANUAL = "A long manual for the support agent. ".repeat(20);
  private static final CachePointBlock CACHE_POINT =
      CachePointBlock.builder().type(CachePointType.DEFAULT).build();

  private static BedrockEmulator emulator;
  private static BedrockRuntimeAsyncClient client;

  @BeforeAll
  static void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    client = SdkClients.asyncClient(emulator.endpoint());
  }

  @AfterAll
  static void stopEmulator() {
    client.close();
    emulator.close();
  }

  private static TokenUsage ask(String system, String question) {
    return client
        .converse(
            ConverseRequest.builder()
                .modelId(MODEL)
                .system(
                    SystemContentBlock.fromText(system),
                    SystemContentBlock.fromCachePoint(CACHE_POINT))
                .messages(
                    Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(question))
                        .build())
                .build())
        .join()
        .usage();
  }

  @Test
  void writesAPrefixOnFirstSightAndReadsItAfterwards() {
    int prefix = EmulatedUsage.inputTokens(List.of(MANUAL));
    int question = EmulatedUsage.inputTokens(List.of(MANUAL, "Where?")) - prefix;

    TokenUsage first = ask(MANUAL, "Where?");
    TokenUsage second = ask(MANUAL, "Where?");

    assertThat(first.cacheWriteInputTokens()).isEqualTo(prefix);
    assertThat(first.cacheReadInputTokens()).isZero();
    assertThat(first.inputTokens()).isEqualTo(question);
    assertThat(first.totalTokens()).isEqualTo(question + prefix + EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(second.cacheReadInputTokens()).isEqualTo(prefix);
    assertThat(second.cacheWriteInputTokens()).isZero();
    assertThat(second.inputTokens()).isEqualTo(question);
  }

  @Test
  void anotherPrefixIsWrittenAgainAndARequestWithoutCachePointReportsNoCache() {
    assertThat(ask("Another manual. " + MANUAL, "Why?").cacheWriteInputTokens()).isPositive();

    TokenUsage plain =
        client
            .converse(
                ConverseRequest.builder()
                    .modelId(MODEL)
                    .system(SystemContentBlock.fromText(MANUAL))
                    .messages(
                        Message.builder()
                            .role(ConversationRole.USER)
                            .content(ContentBlock.fromText("Why?"))
                            .build())
                    .build())
            .join()
            .usage();
    assertThat(plain.cacheReadInputTokens()).isNull();
    assertThat(plain.cacheWriteInputTokens()).isNull();
  }

  @Test
  void rejectsACachePointOfAnotherType() {
    Throwable failure =
        catchThrowable(
            () ->
                client
                    .converse(
                        ConverseRequest.builder()
                            .modelId(MODEL)
                            .messages(
                                Message.builder()
                                    .role(ConversationRole.USER)
                                    .content(
                                        ContentBlock.fromText("Hi"),
                                        ContentBlock.fromCachePoint(
                                            CachePointBlock.builder().type("forever").build()))
                                    .build())
                            .build())
                    .join());

    assertThat(failure).hasCauseInstanceOf(ValidationException.class);
    assertThat(failure.getCause()).hasMessageContaining("cachePoint.type");
  }
}
