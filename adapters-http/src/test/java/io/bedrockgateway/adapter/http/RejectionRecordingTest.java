package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.usage.Operation;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests refused before the use case are reported, so that the ledger holds every request. */
class RejectionRecordingTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aMalformedBodyIsRecordedWithItsKeyOperationAndRequestId() {
    HttpResponse<String> response =
        server.send(
            server.post("/api/v1/converse-stream", "{\"messages\": [").header("X-API-Key", KEY));

    assertThat(response.statusCode()).isEqualTo(400);
    RejectedRequest rejected = server.rejections.getFirst();
    assertThat(rejected.reason()).isInstanceOf(InvalidRequest.class);
    assertThat(rejected.operation()).isEqualTo(Operation.CONVERSE_STREAM);
    assertThat(rejected.caller()).isEqualTo(FakeAuthenticateUseCase.CALLER);
    assertThat(rejected.context().requestId().value())
        .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void aBodyTooLargeOfAKeyIsRecorded() {
    server.send(
        server
            .post("/api/v1/converse", "{\"x\":\"" + "a".repeat(5_000) + "\"}")
            .header("X-API-Key", KEY));

    assertThat(server.rejections)
        .extracting(rejected -> rejected.reason().kind())
        .containsExactly(new PayloadTooLarge(1).kind());
  }

  @Test
  void requestsWithoutAValidKeyAreNeverRecordedOneByOne() {
    server.send(server.post("/api/v1/converse", "{\"x\":\"" + "a".repeat(5_000) + "\"}"));
    server.send(server.post("/api/v1/converse", HELLO).header("X-API-Key", "k".repeat(600)));
    server.send(server.post("/api/v1/converse", "{\"messages\": [").header("X-API-Key", "wrong"));

    assertThat(server.rejections).isEmpty();
    assertThat(server.converse.called()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/embeddings/text | {\"text\": \"\"} | EMBED_TEXT",
        "/api/v1/bedrock/embeddings/text/batch | {\"texts\": [\"a\", null]} | EMBED_TEXT_BATCH",
        "/api/v1/embeddings/image | {\"image_base64\": \"not base64!\"} | EMBED_IMAGE",
        "/api/v1/bedrock/images/generate | {\"prompt\": \"x\", \"quality\": \"ultra\"} | GENERATE_IMAGE"
      })
  void invalidEmbeddingAndImageBodiesAreRecordedWithTheirOperation(
      String path, String body, Operation operation) {
    HttpResponse<String> response = server.send(server.post(path, body).header("X-API-Key", KEY));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(server.rejections)
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.operation()).isEqualTo(operation);
              assertThat(rejected.reason()).isInstanceOf(InvalidRequest.class);
              assertThat(rejected.caller()).isEqualTo(FakeAuthenticateUseCase.CALLER);
            });
  }

  @Test
  void whatTheUseCaseRefusesIsLeftToItToRecord() {
    server.converse.failsWith(new Unauthorized(Unauthorized.Reason.INVALID_KEY));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(server.rejections).isEmpty();
  }
}
