package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.in.CountTokensCommand;
import io.bedrockgateway.application.port.in.InvokeCommand;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.request.ApiSurface;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.Message;

/**
 * InvokeModel, InvokeModelWithResponseStream and CountTokens on the Bedrock-native surface over
 * real HTTP with a fake invoke use case: the body passed on byte for byte, the answer and each
 * chunk relayed as the model sent them.
 */
class BedrockInvokeRoutesTest {
  private static final String MODEL = "/bedrock/model/anthropic.claude-test%3A0";
  // spacing and key order a re-serialisation would not keep
  private static final String BODY =
      "{ \"anthropic_version\" : \"bedrock-2023-05-31\", \"max_tokens\":300,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9\"}] }";

  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void invokePassesTheBodyOnUnchangedAndAnswersAsTheModelDid() {
    HttpResponse<byte[]> response = EventFrames.post(server, MODEL + "/invoke", BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(FakeInvokeUseCase.MESSAGE);
    assertThat(response.headers().firstValue("X-Amzn-Bedrock-Input-Token-Count")).contains("12");
    assertThat(response.headers().firstValue("X-Amzn-Bedrock-Output-Token-Count")).contains("40");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    InvokeCommand command = server.invoke.lastCommand();
    assertThat(new String(command.body().bytes(), StandardCharsets.UTF_8)).isEqualTo(BODY);
    assertThat(command.maxTokens()).hasValue(300);
    assertThat(command.model().value()).isEqualTo("anthropic.claude-test:0");
    assertThat(command.context().surface()).isEqualTo(ApiSurface.BEDROCK);
  }

  @Test
  void theStreamRelaysEachChunkAsOneChunkFrame() {
    HttpResponse<byte[]> response =
        EventFrames.post(server, MODEL + "/invoke-with-response-stream", BODY);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/vnd.amazon.eventstream");
    assertThat(response.headers().firstValue("X-Amzn-Bedrock-Content-Type"))
        .contains("application/json");
    List<Message> frames = EventFrames.of(response.body());
    assertThat(frames)
        .extracting(frame -> frame.getHeaders().get(":event-type").getString())
        .containsOnly("chunk");
    assertThat(frames)
        .extracting(frame -> chunk(frame))
        .containsExactlyElementsOf(FakeInvokeUseCase.CHUNKS);
  }

  @Test
  void aFailureInsideTheStreamIsAnExceptionFrameAfterTheChunksSent() {
    server.invoke.streams(
        observer -> {
          observer.accept(
              new InvocationChunk(
                  FakeInvokeUseCase.CHUNKS.getFirst().getBytes(StandardCharsets.UTF_8),
                  "",
                  Optional.empty()));
          throw new UpstreamThrottled("Too many tokens", Duration.ofSeconds(1));
        });

    List<Message> frames =
        EventFrames.of(
            EventFrames.post(server, MODEL + "/invoke-with-response-stream", BODY).body());

    assertThat(frames).hasSize(2);
    assertThat(frames.getLast().getHeaders().get(":exception-type").getString())
        .isEqualTo("throttlingException");
  }

  @Test
  void countTokensCountsTheBase64Body() {
    String encoded = Base64.getEncoder().encodeToString(BODY.getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> response =
        EventFrames.post(
            server,
            MODEL + "/count-tokens",
            "{\"input\":{\"invokeModel\":{\"body\":\"" + encoded + "\"}}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            json(new String(response.body(), StandardCharsets.UTF_8)).path("inputTokens").asInt())
        .isEqualTo(21);
    CountTokensCommand command = server.invoke.lastCommand();
    assertThat(command.input())
        .isInstanceOfSatisfying(
            CountTokensCommand.InvokeBody.class,
            counted ->
                assertThat(new String(counted.body().bytes(), StandardCharsets.UTF_8))
                    .isEqualTo(BODY));
  }

  @Test
  void countTokensCountsAConverseRequestToo() {
    HttpResponse<byte[]> response =
        EventFrames.post(
            server,
            MODEL + "/count-tokens",
            "{\"input\":{\"converse\":{\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"text\":\"Hi\"}]}]}}}");

    assertThat(response.statusCode()).isEqualTo(200);
    CountTokensCommand command = server.invoke.lastCommand();
    assertThat(command.input())
        .isInstanceOfSatisfying(
            CountTokensCommand.Conversation.class,
            counted -> assertThat(counted.request().messages()).hasSize(1));
  }

  @Test
  void aMaxTokensThatIsNoTokenCountIsRefusedByName() {
    HttpResponse<byte[]> response =
        EventFrames.post(server, MODEL + "/invoke", "{\"max_tokens\":0,\"messages\":[]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ValidationException");
    assertThat(json(new String(response.body(), StandardCharsets.UTF_8)).path("message").asText())
        .startsWith("max_tokens: ");
    assertThat(server.invoke.called()).isFalse();
  }

  private static String chunk(Message frame) {
    String bytes =
        json(new String(frame.getPayload(), StandardCharsets.UTF_8)).path("bytes").asText();
    return new String(Base64.getDecoder().decode(bytes), StandardCharsets.UTF_8);
  }
}
