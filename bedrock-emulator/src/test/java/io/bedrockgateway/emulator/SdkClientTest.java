package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** The real AWS SDK client, as the gateway uses it, against the emulator. */
class SdkClientTest {

  private static final String MODEL = "amazon.nova-lite-v1:0";
  private static final String PROFILE_ARN =
      "arn:aws:bedrock:us-east-1:123:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0";

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

  @BeforeEach
  void forgetEarlierRequests() {
    emulator.clearRecordedRequests();
  }

  @Test
  void converseReturnsTheEmulatedAnswerAndItsUsage() {
    ConverseResponse response =
        client
            .converse(
                ConverseRequest.builder()
                    .modelId(MODEL)
                    .system(SystemContentBlock.fromText("Be brief."))
                    .messages(userMessage("What is a river?"))
                    .build())
            .join();

    assertThat(response.output().message().role()).isEqualTo(ConversationRole.ASSISTANT);
    assertThat(response.output().message().content())
        .extracting(ContentBlock::text)
        .containsExactly(EmulatedAnswer.text("What is a river?"));
    assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    int inputTokens = EmulatedUsage.inputTokens(List.of("Be brief.", "What is a river?"));
    assertThat(response.usage().inputTokens()).isEqualTo(inputTokens);
    assertThat(response.usage().outputTokens()).isEqualTo(EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(response.usage().totalTokens())
        .isEqualTo(inputTokens + EmulatedAnswer.DEFAULT_TOKENS);
    assertThat(response.metrics().latencyMs()).isNotNegative();
    assertThat(response.responseMetadata().requestId()).isNotBlank();
  }

  @Test
  void converseStreamDeliversEveryEventToTheVisitor() throws Exception {
    String prompt = "Hello [emulator:tokens=6]";
    StreamCapture stream = StreamCapture.start(client, MODEL, prompt);

    assertThat(stream.awaitEnd()).isEmpty();
    int inputTokens = EmulatedUsage.inputTokens(List.of(prompt));
    assertThat(stream.events())
        .containsExactly(
            "messageStart:assistant",
            "contentBlockDelta:0",
            "contentBlockDelta:0",
            "contentBlockDelta:0",
            "contentBlockDelta:0",
            "contentBlockDelta:0",
            "contentBlockDelta:0",
            "contentBlockStop:0",
            "messageStop:end_turn",
            "metadata:" + inputTokens + "/6/" + (inputTokens + 6));
    assertThat(stream.text()).isEqualTo(EmulatedAnswer.text("Hello", 6));
  }

  @Test
  void throttleDirectiveSurfacesAsThrottlingException() throws Exception {
    StreamCapture stream = StreamCapture.start(client, MODEL, "Hello [emulator:throttle]");

    Optional<Throwable> error = stream.awaitEnd();

    assertThat(stream.events()).isEmpty();
    assertThat(serviceException(error))
        .isInstanceOfSatisfying(
            ThrottlingException.class,
            throttling -> {
              assertThat(throttling.statusCode()).isEqualTo(429);
              assertThat(throttling.isThrottlingException()).isTrue();
              assertThat(throttling.requestId()).isNotBlank();
            });
  }

  @Test
  void failAfterDeliversTheDeltasThenTheErrorToOnError() throws Exception {
    String prompt = "Hello [emulator:fail-after=3]";
    StreamCapture stream = StreamCapture.start(client, MODEL, prompt);

    Optional<Throwable> error = stream.awaitEnd();

    assertThat(stream.deltaCount()).isEqualTo(3);
    assertThat(stream.text()).isEqualTo(EmulatedAnswer.text(prompt, 3));
    assertThat(stream.events()).doesNotContain("contentBlockStop:0");
    assertThat(serviceException(error)).isInstanceOf(ModelStreamErrorException.class);
  }

  @Test
  void failTypeThrottlingSurfacesMidStreamAsThrottlingException() throws Exception {
    StreamCapture stream =
        StreamCapture.start(
            client, MODEL, "Hi [emulator:fail-after=2][emulator:fail-type=throttlingException]");

    Optional<Throwable> error = stream.awaitEnd();

    assertThat(stream.deltaCount()).isEqualTo(2);
    assertThat(serviceException(error)).isInstanceOf(ThrottlingException.class);
  }

  @Test
  void converseErrorsSurfaceAsTheirModeledExceptions() {
    assertThat(converseFailure("[emulator:error=500]")).isInstanceOf(InternalServerException.class);
    assertThat(converseFailure("[emulator:unavailable]"))
        .isInstanceOfSatisfying(
            ServiceUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThat(converseFailure("[emulator:model-timeout]"))
        .isInstanceOfSatisfying(
            ModelTimeoutException.class, e -> assertThat(e.statusCode()).isEqualTo(408));
  }

  @Test
  void anInferenceProfileArnRoundTrips() throws Exception {
    StreamCapture stream = StreamCapture.start(client, PROFILE_ARN, "Hello");

    assertThat(stream.awaitEnd()).isEmpty();
    assertThat(emulator.recordedRequests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.modelId()).isEqualTo(PROFILE_ARN);
              assertThat(request.operation()).isEqualTo(BedrockOperation.CONVERSE_STREAM);
              assertThat(request.header("Authorization"))
                  .hasValueSatisfying(auth -> assertThat(auth).startsWith("AWS4-HMAC-SHA256"));
            });
  }

  @Test
  void aSystemRoleMessageIsAValidationException() {
    Throwable failure =
        catchThrowable(
            () ->
                client
                    .converse(
                        ConverseRequest.builder()
                            .modelId(MODEL)
                            .messages(
                                Message.builder()
                                    .role("system")
                                    .content(ContentBlock.fromText("Be brief."))
                                    .build())
                            .build())
                    .join());

    assertThat(failure.getCause())
        .isInstanceOfSatisfying(
            ValidationException.class,
            validation -> {
              assertThat(validation.statusCode()).isEqualTo(400);
              assertThat(validation.awsErrorDetails().errorMessage()).contains("'system'");
            });
  }

  private static Throwable converseFailure(String directive) {
    Throwable failure =
        catchThrowable(
            () ->
                client
                    .converse(
                        ConverseRequest.builder()
                            .modelId(MODEL)
                            .messages(userMessage("Hello " + directive))
                            .build())
                    .join());
    return failure.getCause();
  }

  private static Throwable serviceException(Optional<Throwable> error) {
    assertThat(error).isPresent();
    Throwable cause = error.get();
    while (!(cause instanceof BedrockRuntimeException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(SdkException.class);
    return cause;
  }

  private static Message userMessage(String text) {
    return Message.builder()
        .role(ConversationRole.USER)
        .content(ContentBlock.fromText(text))
        .build();
  }
}
