package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.BedrockOperation;
import io.bedrockgateway.emulator.EmulatedEmbedding;
import io.bedrockgateway.emulator.EmulatorSettings;
import io.bedrockgateway.emulator.RecordedRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Embeddings, images and the model list through the whole gateway and the real SDK, against the
 * emulator: one test per model family and operation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelOperationsEndToEndTest {
  private static final String KEY = "model-key-0123456789";
  private static final Map<String, String> AUTH = Map.of("X-API-Key", KEY);

  private BedrockEmulator emulator;
  private Gateway gateway;
  private SseClient client;

  @BeforeAll
  void start() {
    emulator = BedrockEmulator.start(EmulatorSettings.onFreePort());
    gateway = Gateway.start(TestGateways.config(emulator, Map.of("API_KEYS", KEY)));
    client = new SseClient(gateway.port());
  }

  @AfterAll
  void stop() {
    gateway.close();
    emulator.close();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    emulator.clearRecordedRequests();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "amazon.titan-embed-text-v2:0, '', 1024, true",
    "amazon.titan-embed-text-v2:0, ',\"dimensions\":256', 256, true",
    "amazon.titan-embed-text-v2:0, ',\"dimensions\":512,\"normalize\":false', 512, false",
    "amazon.titan-embed-text-v1, '', 1536, false",
    "cohere.embed-english-v3, ',\"input_type\":\"search_query\"', 1024, false",
    "cohere.embed-multilingual-v3, '', 1024, false"
  })
  void embedsATextWithEachFamily(String model, String options, int dimensions, boolean unit) {
    HttpResponse<String> response =
        client.post(
            "/api/v1/bedrock/embeddings/text",
            "{\"text\":\"a quiet harbour\",\"model_id\":\"" + model + "\"" + options + "}",
            AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = SseClient.parse(response.body());
    assertThat(floats(body.get("embedding")))
        .containsExactly(EmulatedEmbedding.vector("a quiet harbour", dimensions, unit));
    assertThat(body.get("model_id").asText()).isEqualTo(model);
    assertThat(body.get("input_tokens").asLong()).isPositive();
    assertThat(body.get("timestamp").asText()).endsWith("Z");
    assertThat(response.headers().firstValue("X-Gateway-Served-Model")).contains(model);
  }

  @Test
  void theDefaultEmbeddingModelIsTitanV2() {
    HttpResponse<String> response =
        client.post("/api/v1/embeddings/text", "{\"text\":\"hello\"}", AUTH);

    assertThat(SseClient.parse(response.body()).get("model_id").asText())
        .isEqualTo("amazon.titan-embed-text-v2:0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"amazon.titan-embed-text-v2:0, 100", "cohere.embed-english-v3, 2"})
  void aBatchOfAHundredTextsComesBackInOrder(String model, int calls) {
    List<String> texts = IntStream.range(0, 100).mapToObj(i -> "text number " + i).toList();

    HttpResponse<String> response =
        client.post(
            "/api/v1/embeddings/text/batch",
            SseClient.json(Map.of("texts", texts, "model_id", model)),
            AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = SseClient.parse(response.body());
    assertThat(body.get("count").asInt()).isEqualTo(100);
    boolean unit = model.startsWith("amazon.titan-embed-text-v2");
    for (int i = 0; i < 100; i++) {
      assertThat(floats(body.get("embeddings").get(i)))
          .containsExactly(EmulatedEmbedding.vector(texts.get(i), 1024, unit));
    }
    assertThat(invocations()).hasSize(calls);
  }

  @Test
  void aFailedItemFailsTheBatchNamingItsIndex() {
    List<String> texts =
        List.of("one", "two", "three [emulator:error=ValidationException]", "four");

    HttpResponse<String> response =
        client.post("/api/v1/embeddings/text/batch", SseClient.json(Map.of("texts", texts)), AUTH);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SseClient.parse(response.body()).get("detail").asText()).startsWith("texts[2]: ");
  }

  @Test
  void embedsAnImageWithTitanMultimodal() {
    String image = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4});

    HttpResponse<String> response =
        client.post(
            "/api/v1/embeddings/image",
            "{\"image_base64\":\"" + image + "\",\"text\":\"a cat\",\"dimensions\":384}",
            AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = SseClient.parse(response.body());
    assertThat(body.get("embedding")).hasSize(384);
    assertThat(body.get("model_id").asText()).isEqualTo("amazon.titan-embed-image-v1");
    JsonNode sent = SseClient.parse(invocations().getFirst().body());
    assertThat(sent.get("inputImage").asText()).isEqualTo(image);
    assertThat(sent.get("embeddingConfig").get("outputEmbeddingLength").asInt()).isEqualTo(384);
  }

  @Test
  void anOptionTheModelDoesNotOfferIsA400NamingTheField() {
    HttpResponse<String> response =
        client.post(
            "/api/v1/embeddings/text",
            "{\"text\":\"hi\",\"model_id\":\"amazon.titan-embed-text-v2:0\",\"dimensions\":300}",
            AUTH);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(SseClient.parse(response.body()).get("detail").asText()).startsWith("dimensions:");
    assertThat(invocations()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "amazon.titan-image-generator-v1, 512, 768, 2",
    "amazon.titan-image-generator-v2:0, 1024, 1024, 1",
    "amazon.nova-canvas-v1:0, 768, 512, 3"
  })
  void generatesPngsOfTheRequestedSize(String model, int width, int height, int count)
      throws IOException {
    HttpResponse<String> response =
        client.post(
            "/api/v1/bedrock/images/generate",
            SseClient.json(
                Map.of(
                    "prompt", "a lighthouse at dusk",
                    "model_id", model,
                    "width", width,
                    "height", height,
                    "number_of_images", count)),
            AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = SseClient.parse(response.body());
    assertThat(body.get("images")).hasSize(count);
    assertThat(body.get("image").asText()).isEqualTo(body.get("images").get(0).asText());
    BufferedImage png = decode(body.get("image").asText());
    assertThat(png.getWidth()).isEqualTo(width);
    assertThat(png.getHeight()).isEqualTo(height);
    assertThat(body.get("model_id").asText()).isEqualTo(model);
  }

  @Test
  void theDefaultImageModelIsStableImageCoreCalledInUsWest2() throws IOException {
    HttpResponse<String> response =
        client.post(
            "/api/v1/images/generate",
            "{\"prompt\":\"a red kite\",\"width\":1344,\"height\":768,\"number_of_images\":2}",
            AUTH);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = SseClient.parse(response.body());
    assertThat(body.get("model_id").asText()).isEqualTo("stability.stable-image-core-v1:1");
    assertThat(body.get("images")).hasSize(2);
    BufferedImage png = decode(body.get("image").asText());
    assertThat(png.getWidth()).isEqualTo(1344);
    assertThat(png.getHeight()).isEqualTo(768);
    List<RecordedRequest> calls = invocations();
    assertThat(calls).hasSize(2);
    assertThat(SseClient.parse(calls.getFirst().body()).get("aspect_ratio").asText())
        .isEqualTo("16:9");
    assertThat(calls.getFirst().header("Authorization").orElseThrow()).contains("/us-west-2/");
  }

  @Test
  void listsTheCatalogueWithPricesForAKey() {
    HttpResponse<String> anonymous = client.get("/api/v1/models");
    HttpResponse<String> response = client.get("/api/v1/bedrock/models", AUTH);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    SseClient.parse(response.body())
        .get("models")
        .forEach(model -> ids.add(model.get("id").asText()));
    assertThat(ids)
        .contains(
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "amazon.titan-embed-text-v2:0",
            "stability.stable-image-core-v1:1");
  }

  private List<RecordedRequest> invocations() {
    return emulator.recordedRequests().stream()
        .filter(request -> request.operation() == BedrockOperation.INVOKE)
        .toList();
  }

  private static float[] floats(JsonNode array) {
    float[] values = new float[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) array.get(i).asDouble();
    }
    return values;
  }

  private static BufferedImage decode(String base64) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }
}
