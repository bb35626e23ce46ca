package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.application.port.in.EmbedCommand;
import io.bedrockgateway.application.port.in.GenerateImageCommand;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.embedding.EmbeddingPurpose;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.image.ImageQuality;
import io.bedrockgateway.domain.image.ImageRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Embeddings, images and the model list over real HTTP, against fake use cases. */
class ModelRoutesTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) {
    return server.send(server.post(path, body).header("X-API-Key", KEY));
  }

  @Test
  void embedsOneTextWithTheOptionsAsked() {
    HttpResponse<String> response =
        post(
            "/api/v1/bedrock/embeddings/text",
            """
            {"text":"hello","model_id":"amazon.titan-embed-text-v2:0","dimensions":256,
             "normalize":false,"input_type":"search_query"}
            """);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response.body());
    assertThat(body.get("embedding")).hasSize(2);
    assertThat(body.get("model_id").asText()).isEqualTo(FakeModelUseCases.EMBEDDER.value());
    assertThat(body.get("input_tokens").asLong()).isEqualTo(7);
    assertThat(body.get("timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(response.headers().firstValue("X-Gateway-Served-Model"))
        .contains(FakeModelUseCases.EMBEDDER.value());
    @SuppressWarnings("unchecked")
    EmbedCommand<TextEmbeddingRequest> command =
        (EmbedCommand<TextEmbeddingRequest>) server.models.lastCommand();
    assertThat(command.model()).contains(new ModelId("amazon.titan-embed-text-v2:0"));
    assertThat(command.request().dimensions()).isEqualTo(OptionalInt.of(256));
    assertThat(command.request().normalize()).contains(false);
    assertThat(command.request().purpose()).contains(EmbeddingPurpose.SEARCH_QUERY);
  }

  @Test
  void embedsABatchInOrder() {
    HttpResponse<String> response =
        post("/api/v1/embeddings/text/batch", "{\"texts\":[\"a\",\"b\",\"c\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response.body());
    assertThat(body.get("count").asInt()).isEqualTo(3);
    assertThat(body.get("embeddings").get(2).get(0).asDouble()).isEqualTo(2.0);
  }

  @Test
  void embedsAnImageFromBase64() {
    String image = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

    HttpResponse<String> response =
        post(
            "/api/v1/embeddings/image",
            "{\"image_base64\":\"" + image + "\",\"text\":\"a cat\",\"dimensions\":384}");

    assertThat(response.statusCode()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    EmbedCommand<ImageEmbeddingRequest> command =
        (EmbedCommand<ImageEmbeddingRequest>) server.models.lastCommand();
    assertThat(command.request().image().bytes()).containsExactly(1, 2, 3);
    assertThat(command.request().text()).contains("a cat");
  }

  @Test
  void generatesImagesReturningTheFirstAndAll() {
    HttpResponse<String> response =
        post(
            "/api/v1/bedrock/images/generate",
            """
            {"prompt":"a lighthouse","width":512,"height":768,"quality":"premium",
             "negative_prompt":"fog","seed":7,"number_of_images":2}
            """);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response.body());
    String png = Base64.getEncoder().encodeToString(FakeModelUseCases.PNG.bytes());
    assertThat(body.get("image").asText()).isEqualTo(png);
    assertThat(body.get("images")).hasSize(2);
    assertThat(body.get("model_id").asText()).isEqualTo(FakeModelUseCases.PAINTER.value());
    ImageRequest request = ((GenerateImageCommand) server.models.lastCommand()).request();
    assertThat(request)
        .isEqualTo(
            new ImageRequest(
                "a lighthouse",
                Optional.of("fog"),
                512,
                768,
                ImageQuality.PREMIUM,
                Optional.of(7L),
                2));
  }

  @Test
  void listsTheCatalogueWithPricesAndFallbacks() {
    HttpResponse<String> response =
        server.send(server.request("/api/v1/models").header("X-API-Key", KEY));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode model = json(response.body()).get("models").get(0);
    assertThat(model.get("id").asText()).isEqualTo(FakeModelUseCases.EMBEDDER.value());
    assertThat(model.get("aliases").get(0).asText()).isEqualTo("embed");
    assertThat(model.get("operations").get(0).asText()).isEqualTo("embed");
    assertThat(model.get("input_modalities").get(0).asText()).isEqualTo("text");
    assertThat(model.get("fallbacks").get(0).get("region").asText()).isEqualTo("us-west-2");
    assertThat(model.get("prices").get("input_usd_per_million_tokens").decimalValue())
        .isEqualByComparingTo("0.02");
    assertThat(model.get("prices").get("cache_read_usd_per_million_tokens").decimalValue())
        .isEqualByComparingTo("0.002");
    assertThat(model.get("prices").get("cache_write_usd_per_million_tokens").decimalValue())
        .isEqualByComparingTo("0.025");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /api/v1/embeddings/text       | {}                                   | text: is required
          /api/v1/embeddings/text       | {"text":" "}                         | text: is required and must not be blank
          /api/v1/embeddings/text       | {"text":"a","input_type":"x"}        | input_type: must be
          /api/v1/embeddings/text       | {"text":"a","dimensions":0}          | dimensions must be positive
          /api/v1/embeddings/text/batch | {"texts":[]}                         | texts must hold 1 to 100 texts
          /api/v1/embeddings/text/batch | {"texts":["a",null]}                 | texts[1]: must be a string
          /api/v1/embeddings/image      | {}                                   | image_base64: is required
          /api/v1/embeddings/image      | {"image_base64":"%%"}                | image_base64: must be base64-encoded
          /api/v1/images/generate       | {}                                   | prompt: is required
          /api/v1/images/generate       | {"prompt":"a","width":100}           | width must be between 256 and 2048
          /api/v1/images/generate       | {"prompt":"a","quality":"ultra"}     | quality: must be standard or premium
          /api/v1/images/generate       | {"prompt":"a","number_of_images":9}  | number_of_images must be between 1 and 5
          /api/v1/images/generate       | {"prompt":"a","model_id":"a b"}      | model_id: model id must not contain
          """)
  void badInputIsA400NamingTheField(String path, String body, String detail) {
    HttpResponse<String> response = post(path, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response.body()).get("detail").asText()).startsWith(detail);
    assertThat(server.models.commands).isEmpty();
  }
}
