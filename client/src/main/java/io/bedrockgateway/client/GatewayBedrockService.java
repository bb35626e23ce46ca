package io.bedrockgateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The calls through the gateway's native API ({@code POST <base>/converse-stream}, ...) with the
 * gateway key. Failures before the first byte of an answer are {@link
 * BedrockClientException.Unavailable} only for the gateway's own failures (no connection, timeout,
 * 502/503/504); statuses are mapped by {@link GatewayErrors}.
 */
final class GatewayBedrockService implements BedrockService {
  private static final int MAX_ANSWER_BYTES = 256 * 1024 * 1024;
  private static final Route ROUTE = Route.decided(Path.GATEWAY, RouteReason.IN_GATEWAY_SHARE, 0);

  private final HttpClient http;
  private final URI base;
  private final String key;
  private final Duration timeout;
  private final DefaultModels models;
  private final ObjectMapper json = new ObjectMapper();

  GatewayBedrockService(HttpClient http, ClientSettings settings) {
    this.http = http;
    this.base = settings.gatewayUrl();
    this.key = settings.gatewayKey();
    this.timeout = settings.firstByteTimeout();
    this.models = settings.models();
  }

  static HttpClient httpClient(ClientSettings settings) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public StreamResult converseStream(
      String model,
      List<ChatMessage> messages,
      String systemPrompt,
      ChatOptions options,
      StreamHandler handler) {
    ChatCall call = ChatCall.of(models, model, messages, systemPrompt, options);
    try (AnswerBody body = send("converse-stream", GatewayWire.chatBody(call))) {
      return readStream(new SseReader(body), handler);
    }
  }

  private StreamResult readStream(SseReader events, StreamHandler handler) {
    String stopReason = null;
    Usage usage = Usage.NONE;
    try {
      for (String data = events.next(); data != null; data = events.next()) {
        JsonNode node = json.readTree(data);
        if (node.has("error")) {
          throw new BedrockClientException.StreamInterrupted(
              Path.GATEWAY,
              node.path("type").asText("stream_error"),
              node.path("error").asText(),
              false,
              null);
        }
        StreamEvent event = StreamEventJson.read(node);
        if (event == null) {
          continue;
        }
        handler.onEvent(event);
        if (event instanceof StreamEvent.MessageStop stop) {
          stopReason = stop.stopReason();
        } else if (event instanceof StreamEvent.Metadata metadata) {
          usage = metadata.usage();
        }
      }
    } catch (JsonProcessingException e) {
      throw new BedrockClientException.StreamInterrupted(
          Path.GATEWAY, "malformed_event", "an event is not JSON", false, e);
    } catch (IOException e) {
      throw new BedrockClientException.StreamInterrupted(
          Path.GATEWAY, "connection_lost", String.valueOf(e.getMessage()), true, e);
    }
    if (stopReason == null) {
      throw new BedrockClientException.StreamInterrupted(
          Path.GATEWAY, "connection_lost", "the stream ended before messageStop", true, null);
    }
    return new StreamResult(stopReason, usage, ROUTE);
  }

  @Override
  public ChatReply converse(
      String model, List<ChatMessage> messages, String systemPrompt, ChatOptions options) {
    ChatCall call = ChatCall.of(models, model, messages, systemPrompt, options);
    return GatewayWire.chatReply(post("converse", GatewayWire.chatBody(call)), call.model(), ROUTE);
  }

  @Override
  public GeneratedImages generateImage(String prompt, ImageOptions options) {
    requireText("prompt", prompt);
    ImageOptions resolved = options == null ? ImageOptions.DEFAULTS : options;
    String model = models.imageOr(resolved.model());
    JsonNode answer = post("images/generate", GatewayWire.imageBody(model, prompt, resolved));
    return new GeneratedImages(
        GatewayWire.strings(answer.path("images")), answer.path("model_id").asText(model), ROUTE);
  }

  @Override
  public Embedding createTextEmbedding(String text, EmbeddingOptions options) {
    requireText("text", text);
    EmbeddingOptions resolved = options == null ? EmbeddingOptions.DEFAULTS : options;
    String model = models.textEmbeddingOr(resolved.model());
    JsonNode answer = post("embeddings/text", GatewayWire.textEmbeddingBody(model, text, resolved));
    return embedding(answer, model);
  }

  @Override
  public Embeddings createTextEmbeddings(List<String> texts, EmbeddingOptions options) {
    Texts.requireBatch(texts);
    EmbeddingOptions resolved = options == null ? EmbeddingOptions.DEFAULTS : options;
    String model = models.textEmbeddingOr(resolved.model());
    JsonNode answer =
        post("embeddings/text/batch", GatewayWire.textEmbeddingsBody(model, texts, resolved));
    return new Embeddings(
        answer.path("embeddings").valueStream().map(GatewayWire::vector).toList(),
        answer.path("model_id").asText(model),
        ROUTE);
  }

  @Override
  public Embedding createImageEmbedding(byte[] image, String caption, EmbeddingOptions options) {
    Texts.requireImage(image);
    EmbeddingOptions resolved = options == null ? EmbeddingOptions.DEFAULTS : options;
    String model = models.imageEmbeddingOr(resolved.model());
    JsonNode answer =
        post("embeddings/image", GatewayWire.imageEmbeddingBody(model, image, caption, resolved));
    return embedding(answer, model);
  }

  private static Embedding embedding(JsonNode answer, String model) {
    return new Embedding(
        GatewayWire.vector(answer.path("embedding")), answer.path("model_id").asText(model), ROUTE);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private JsonNode post(String operation, ObjectNode body) {
    try (AnswerBody answer = send(operation, body)) {
      return json.readTree(answer.readAll(MAX_ANSWER_BYTES));
    } catch (IOException e) {
      throw new BedrockClientException.Failed(
          Path.GATEWAY, 0, "the gateway's answer could not be read: " + e.getMessage(), e);
    }
  }

  /**
   * Sends the request and returns the body of a 200; every failure before it is thrown, classified.
   */
  private AnswerBody send(String operation, ObjectNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/" + operation))
            .timeout(timeout)
            .header("X-API-Key", key)
            .header("Content-Type", "application/json")
            .header(
                "Accept",
                operation.equals("converse-stream") ? "text/event-stream" : "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)))
            .build();
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofPublisher());
    } catch (HttpTimeoutException e) {
      throw unavailable(FailureCause.TIMEOUT, e);
    } catch (ConnectException e) {
      throw unavailable(FailureCause.CONNECTION_REFUSED, e);
    } catch (IOException e) {
      throw unavailable(FailureCause.CONNECTION_CLOSED, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BedrockClientException.Failed(Path.GATEWAY, 0, "interrupted", e);
    }
    AnswerBody answer = AnswerBody.of(response.body(), timeout);
    if (response.statusCode() == 200) {
      return answer;
    }
    try (answer) {
      throw GatewayErrors.of(response, answer, json);
    }
  }

  private static BedrockClientException.Unavailable unavailable(FailureCause cause, IOException e) {
    return new BedrockClientException.Unavailable(
        Path.GATEWAY, cause, "the gateway did not answer: " + e, e);
  }

  private byte[] bytes(ObjectNode body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serialises", e);
    }
  }
}
