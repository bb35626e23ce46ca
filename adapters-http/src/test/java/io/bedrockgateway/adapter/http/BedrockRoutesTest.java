package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.request.ApiSurface;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventstream.Message;

/**
 * The Bedrock-native surface over real HTTP with a fake converse use case: Bedrock's paths, body
 * and error shapes, and its stream as event-stream frames decoded with the AWS codec.
 */
class BedrockRoutesTest {
  private static final String CONVERSE = "/bedrock/model/anthropic.claude-test%3A0/converse";
  private static final String HELLO =
      "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hi\"}]}],"
          + "\"system\":[{\"text\":\"Be brief\"},{\"cachePoint\":{\"type\":\"default\"}}],"
          + "\"inferenceConfig\":{\"maxTokens\":100,\"temperature\":0.5}}";

  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) {
    return server.send(server.post(path, body).header("Authorization", "Bearer " + TestServer.KEY));
  }

  @Test
  void converseAnswersInBedrocksExactShape() {
    HttpResponse<String> response = post(CONVERSE, HELLO);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = json(response.body());
    assertThat(body.path("output").path("message").path("content").path(0).path("text").asText())
        .isEqualTo("Hello");
    assertThat(body.path("stopReason").asText()).isEqualTo("end_turn");
    assertThat(body.path("usage").path("totalTokens").asInt()).isEqualTo(52);
    assertThat(body.has("servedModel")).isFalse();
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    ConverseCommand command = server.converse.lastCommand();
    assertThat(command.request().model().orElseThrow().value())
        .isEqualTo("anthropic.claude-test:0");
    assertThat(command.request().system()).hasSize(2);
    assertThat(command.request().parameters().maxTokens()).contains(100);
    assertThat(command.context().surface()).isEqualTo(ApiSurface.BEDROCK);
  }

  @Test
  void theStreamIsEventStreamFramesNamedAsBedrockNamesThem() {
    HttpResponse<byte[]> response =
        EventFrames.post(server, "/bedrock/model/anthropic.claude-test/converse-stream", HELLO);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/vnd.amazon.eventstream");
    List<Message> frames = EventFrames.of(response.body());
    assertThat(frames)
        .extracting(frame -> frame.getHeaders().get(":event-type").getString())
        .containsExactly(
            "messageStart",
            "contentBlockStart",
            "contentBlockDelta",
            "contentBlockDelta",
            "contentBlockStop",
            "messageStop",
            "metadata");
    assertThat(frames)
        .allSatisfy(
            frame -> {
              assertThat(frame.getHeaders().get(":message-type").getString()).isEqualTo("event");
              assertThat(frame.getHeaders().get(":content-type").getString())
                  .isEqualTo("application/json");
            });
    assertThat(EventFrames.payload(frames.get(2)).path("delta").path("text").asText())
        .isEqualTo("Hel");
    JsonNode metadata = EventFrames.payload(frames.getLast());
    assertThat(metadata.path("usage").path("outputTokens").asInt()).isEqualTo(40);
    assertThat(metadata.has("servedModel")).isFalse();
  }

  @Test
  void aFailureAfterTheFirstEventIsOneExceptionFrame() {
    server.converse.streams(
        observer -> {
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          throw new UpstreamThrottled("Too many tokens, please wait.", Duration.ofSeconds(2));
        });

    List<Message> frames =
        EventFrames.of(
            EventFrames.post(server, "/bedrock/model/anthropic.claude-test/converse-stream", HELLO)
                .body());

    assertThat(frames).hasSize(2);
    Message last = frames.getLast();
    assertThat(last.getHeaders().get(":message-type").getString()).isEqualTo("exception");
    assertThat(last.getHeaders().get(":exception-type").getString())
        .isEqualTo("throttlingException");
    assertThat(EventFrames.payload(last).path("message").asText())
        .isEqualTo("Too many tokens, please wait.");
  }

  @Test
  void aRefusalIsBedrocksErrorShapeWithItsHeaders() {
    server.converse.failsWith(
        new RateLimited(LimitKind.REQUESTS, Duration.ofMillis(1500), Optional.empty()));

    HttpResponse<String> response = post(CONVERSE, HELLO);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ThrottlingException");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(response.headers().firstValue("Retry-After")).contains("2");
    assertThat(json(response.body()).path("message").asText()).contains("requests");
  }

  @Test
  void whatBedrockRefusesIsAValidationExceptionNamingTheField() {
    HttpResponse<String> stringContent =
        post(CONVERSE, "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
    HttpResponse<String> systemRole =
        post(CONVERSE, "{\"messages\":[{\"role\":\"system\",\"content\":[{\"text\":\"Hi\"}]}]}");

    assertThat(stringContent.statusCode()).isEqualTo(400);
    assertThat(stringContent.headers().firstValue("x-amzn-ErrorType"))
        .contains("ValidationException");
    assertThat(json(stringContent.body()).path("message").asText())
        .isEqualTo("messages[0].content: must be a list of content blocks");
    assertThat(json(systemRole.body()).path("message").asText())
        .isEqualTo("messages[0].role: must be user or assistant");
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void aSigV4SignedRequestIsToldToSendAGatewayKeyAsBearerToken() {
    HttpResponse<String> response =
        server.send(
            server
                .post(CONVERSE, HELLO)
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/bedrock/aws4_request,"
                        + " SignedHeaders=host, Signature=abc"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("UnrecognizedClientException");
    assertThat(json(response.body()).path("message").asText()).contains("AWS_BEARER_TOKEN_BEDROCK");
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void anUnknownOperationIsBedrocksUnknownOperation() {
    HttpResponse<String> response = post("/bedrock/model/anthropic.claude-test/nothing", HELLO);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("UnknownOperationException");
  }

  @Test
  void anInferenceProfileArnArrivesAsOnePercentEncodedSegment() {
    String arn = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    String encoded = arn.replace(":", "%3A").replace("/", "%2F");

    HttpResponse<String> response = post("/bedrock/model/" + encoded + "/converse", HELLO);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(server.converse.lastCommand().request().model().orElseThrow().value())
        .isEqualTo(arn);
  }
}
