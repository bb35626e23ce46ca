package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.in.GenerateImageCommand;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.image.ImageQuality;
import io.bedrockgateway.domain.request.ApiSurface;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/embeddings}, {@code /v1/images/generations} and {@code /v1/models} through HTTP. */
class OpenAiModelRoutesTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, String body) {
    return server.send(server.post(path, body).header("Authorization", "Bearer " + TestServer.KEY));
  }

  private static HttpResponse<String> get(String path) {
    return server.send(
        server.request(path).header("Authorization", "Bearer " + TestServer.KEY).GET());
  }

  @Test
  void oneTextIsEmbeddedInOpenAisListShape() {
    HttpResponse<String> response =
        post(
            "/v1/embeddings",
            "{\"model\":\"embed\",\"input\":\"a quiet harbour\",\"dimensions\":256,\"user\":\"u1\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("list");
    assertThat(body.path("model").asText()).isEqualTo("embed");
    assertThat(body.path("data")).hasSize(1);
    assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("embedding");
    assertThat(body.path("data").get(0).path("embedding").get(1).floatValue()).isEqualTo(0.5f);
    assertThat(body.path("usage").path("prompt_tokens").asLong()).isEqualTo(7);
    assertThat(body.path("usage").path("total_tokens").asLong()).isEqualTo(7);
    @SuppressWarnings("unchecked")
    EmbedCommand<TextEmbeddingRequest> command =
        (EmbedCommand<TextEmbeddingRequest>) server.models.lastCommand();
    assertThat(command.request().dimensions()).hasValue(256);
    assertThat(command.context().surface()).isEqualTo(ApiSurface.OPENAI);
    assertThat(command.context().endUser()).contains("u1");
  }

  @Test
  void aBatchComesBackInOrderAndAsLittleEndianFloatsInBase64() {
    JsonNode body =
        TestServer.json(
            post("/v1/embeddings", "{\"input\":[\"a\",\"b\",\"c\"],\"encoding_format\":\"base64\"}")
                .body());

    assertThat(body.path("data")).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode item = body.path("data").get(i);
      assertThat(item.path("index").asInt()).isEqualTo(i);
      ByteBuffer bytes =
          ByteBuffer.wrap(Base64.getDecoder().decode(item.path("embedding").asText()))
              .order(ByteOrder.LITTLE_ENDIAN);
      assertThat(bytes.getFloat()).isEqualTo((float) i);
      assertThat(bytes.getFloat()).isEqualTo(0.5f);
    }
  }

  @Test
  void tokenArraysAndUnknownEncodingsAreA400NamingTheParam() {
    assertParam(post("/v1/embeddings", "{\"input\":[[1,2,3]]}"), "input[0]");
    assertParam(
        post("/v1/embeddings", "{\"input\":\"a\",\"encoding_format\":\"int8\"}"),
        "encoding_format");
    assertParam(post("/v1/embeddings", "{\"input\":7}"), "input");
  }

  @Test
  void imagesAreGeneratedAsBase64() {
    HttpResponse<String> response =
        post(
            "/v1/images/generations",
            "{\"prompt\":\"a lighthouse\",\"n\":2,\"size\":\"512x768\",\"quality\":\"hd\",\"response_format\":\"b64_json\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.path("created").asLong()).isEqualTo(TestServer.NOW.getEpochSecond());
    assertThat(body.path("data")).hasSize(2);
    assertThat(Base64.getDecoder().decode(body.path("data").get(0).path("b64_json").asText()))
        .isEqualTo(FakeModelUseCases.PNG.bytes());
    GenerateImageCommand command = (GenerateImageCommand) server.models.lastCommand();
    assertThat(command.request().width()).isEqualTo(512);
    assertThat(command.request().height()).isEqualTo(768);
    assertThat(command.request().count()).isEqualTo(2);
    assertThat(command.request().quality()).isEqualTo(ImageQuality.PREMIUM);
  }

  @Test
  void imageUrlsAndBadSizesAreA400NamingTheParam() {
    HttpResponse<String> url =
        post("/v1/images/generations", "{\"prompt\":\"x\",\"response_format\":\"url\"}");
    assertParam(url, "response_format");
    assertThat(TestServer.json(url.body()).path("error").path("message").asText())
        .contains("hosts no images");
    assertParam(post("/v1/images/generations", "{\"prompt\":\"x\",\"size\":\"big\"}"), "size");
    assertParam(post("/v1/images/generations", "{\"prompt\":\"x\",\"size\":\"64x64\"}"), "size");
    assertParam(post("/v1/images/generations", "{\"prompt\":\"x\",\"n\":9}"), "n");
  }

  @Test
  void theModelListNamesEveryIdAndAliasTheKeyMayUse() {
    HttpResponse<String> response = get("/v1/models");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = TestServer.json(response.body());
    assertThat(body.path("object").asText()).isEqualTo("list");
    List<String> ids = body.path("data").findValuesAsText("id");
    assertThat(ids).containsExactly(FakeModelUseCases.EMBEDDER.value(), "embed");
    assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("model");
    assertThat(body.path("data").get(0).path("owned_by").asText()).isEqualTo("amazon");
  }

  @Test
  void oneModelIsFoundByIdOrAliasAndAnUnknownOneIsModelNotFound() {
    HttpResponse<String> alias = get("/v1/models/embed");
    assertThat(alias.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(alias.body()).path("id").asText()).isEqualTo("embed");
    assertThat(get("/v1/models/" + FakeModelUseCases.EMBEDDER.value()).statusCode()).isEqualTo(200);

    HttpResponse<String> unknown = get("/v1/models/gpt-5");
    assertThat(unknown.statusCode()).isEqualTo(404);
    JsonNode error = TestServer.json(unknown.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("model_not_found");
    assertThat(error.path("type").asText()).isEqualTo("not_found_error");
  }

  @Test
  void theModelListNeedsAKey() {
    HttpResponse<String> response = server.send(server.request("/v1/models").GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(TestServer.json(response.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");
  }

  private static void assertParam(HttpResponse<String> response, String param) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(TestServer.json(response.body()).path("error").path("param").asText())
        .as(response.body())
        .isEqualTo(param);
  }
}
