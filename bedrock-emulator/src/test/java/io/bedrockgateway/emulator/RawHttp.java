package io.bedrockgateway.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.time.Duration;

/** Plain HTTP/1.1 calls, for what the SDK cannot send or hides. */
final class RawHttp {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private RawHttp() {}

  static HttpResponse<byte[]> post(URI endpoint, String rawPath, String body, String... headers) {
    return post(endpoint, rawPath, body, HttpResponse.BodyHandlers.ofByteArray(), headers);
  }

  static <T> HttpResponse<T> post(
      URI endpoint, String rawPath, String body, BodyHandler<T> bodyHandler, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(rawPath))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), bodyHandler);
    } catch (IOException e) {
      throw new IllegalStateException("POST " + rawPath + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during POST " + rawPath, e);
    }
  }
}
