package io.bedrockgateway.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Calls the gateway as the integration plan's clients do: JSON in, SSE lines or JSON out. */
final class SseClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;

  SseClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  HttpResponse<String> post(String path, String body, Map<String, String> headers) {
    return post(path, body, headers, HttpResponse.BodyHandlers.ofString());
  }

  /** Posts and returns as soon as the status and headers are in, the body still arriving. */
  HttpResponse<java.util.stream.Stream<String>> postForLines(
      String path, String body, Map<String, String> headers) {
    return post(path, body, headers, HttpResponse.BodyHandlers.ofLines());
  }

  private <T> HttpResponse<T> post(
      String path, String body, Map<String, String> headers, HttpResponse.BodyHandler<T> answer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), answer);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** The JSON payload of every {@code data: } line, as a client reading the text stream sees it. */
  static List<JsonNode> events(String body) {
    return body.lines()
        .filter(line -> line.startsWith("data: "))
        .map(line -> parse(line.substring("data: ".length())))
        .toList();
  }

  /** The concatenated text of every text delta. */
  static String text(List<JsonNode> events) {
    return events.stream()
        .flatMap(
            event ->
                event.has("contentBlockDelta")
                    ? Stream.of(event.path("contentBlockDelta").path("delta").path("text").asText())
                    : Stream.empty())
        .reduce("", String::concat);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException malformed) {
      throw new UncheckedIOException(malformed);
    }
  }

  static String chat(String userText) {
    return json(Map.of("messages", List.of(Map.of("role", "user", "content", userText))));
  }

  static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
  }
}
