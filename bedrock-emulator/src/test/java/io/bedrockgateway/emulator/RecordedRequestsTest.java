package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link BedrockEmulator#recordedRequests()} tells a test about the calls it received. */
class RecordedRequestsTest {

  private static BedrockEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    emulator.clearRecordedRequests();
  }

  @Test
  void recordsTheOperationTheDecodedModelIdTheBodyAndTheHeaders() {
    String body = ConverseBodies.userSays("Hello");
    HttpResponse<byte[]> response =
        RawHttp.post(
            emulator.endpoint(),
            "/model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse",
            body,
            "Authorization",
            "Bearer bedrock-api-key",
            "X-Trace",
            "one");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(emulator.recordedRequests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.operation()).isEqualTo(BedrockOperation.CONVERSE);
              assertThat(request.modelId())
                  .isEqualTo("us.anthropic.claude-3-5-haiku-20241022-v1:0");
              assertThat(request.body()).isEqualTo(body);
              assertThat(request.header("authorization")).hasValue("Bearer bedrock-api-key");
              assertThat(request.header("X-TRACE")).hasValue("one");
              assertThat(request.headers()).containsKey("x-trace");
            });
  }

  @Test
  void aPlusSignInTheModelIdIsNotASpace() {
    RawHttp.post(
        emulator.endpoint(), "/model/custom+model/converse-stream", ConverseBodies.userSays("Hi"));

    assertThat(emulator.recordedRequests())
        .singleElement()
        .satisfies(request -> assertThat(request.modelId()).isEqualTo("custom+model"));
  }

  @Test
  void recordsRejectedRequestsToo() {
    HttpResponse<byte[]> response =
        RawHttp.post(emulator.endpoint(), "/model/m/converse", "{\"messages\":[]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(emulator.recordedRequests())
        .singleElement()
        .satisfies(request -> assertThat(request.body()).isEqualTo("{\"messages\":[]}"));
  }

  @Test
  void clearingForgetsEverything() {
    RawHttp.post(emulator.endpoint(), "/model/m/converse", ConverseBodies.userSays("Hi"));

    emulator.clearRecordedRequests();

    assertThat(emulator.recordedRequests()).isEmpty();
  }
}
