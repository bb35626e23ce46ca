package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.admin.AdminToken;
import io.bedrockgateway.adapter.http.anthropic.AnthropicSettings;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.UseCases;
import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A real gateway server on a free port, with fake use cases, and a real HTTP client. */
final class TestServer implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  static final String KEY = "bgw_test_secret";
  static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";
  static final String HELLO = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
  private static final ObjectMapper JSON = new ObjectMapper();

  final FakeAuthenticateUseCase keyCheck = new FakeAuthenticateUseCase();
  final FakeConverseUseCase converse = new FakeConverseUseCase();
  final FakeHealthUseCase health = new FakeHealthUseCase();
  final FakeModelUseCases models = new FakeModelUseCases();
  final FakeManageKeysUseCase keys = new FakeManageKeysUseCase();
  final FakeUsageReportUseCase usage = new FakeUsageReportUseCase();
  final List<RejectedRequest> rejections = new CopyOnWriteArrayList<>();
  final FakeMetricsUseCase metrics = new FakeMetricsUseCase();
  final FakeInvokeUseCase invoke = new FakeInvokeUseCase();
  final GatewayHttpServer server;
  final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  TestServer() {
    this(settings(List.of(), List.of()));
  }

  TestServer(HttpSettings settings) {
    this(settings, AnthropicSettings.DEFAULTS);
  }

  TestServer(HttpSettings settings, AnthropicSettings anthropic) {
    this(settings, anthropic, RemoteMediaPolicy.NONE);
  }

  /** A server whose OpenAI surface takes images by URL from the hosts of {@code remoteMedia}. */
  TestServer(RemoteMediaPolicy remoteMedia) {
    this(settings(List.of(), List.of()), AnthropicSettings.DEFAULTS, remoteMedia);
  }

  TestServer(HttpSettings settings, AnthropicSettings anthropic, RemoteMediaPolicy remoteMedia) {
    server =
        new GatewayHttpServer(
            settings,
            anthropic,
            remoteMedia,
            new UseCases(
                keyCheck,
                converse,
                models,
                models,
                models,
                health,
                keys,
                usage,
                rejections::add,
                metrics,
                invoke,
                invoke),
            Clock.fixed(NOW, ZoneOffset.UTC));
    server.start();
  }

  static HttpSettings settings(List<String> corsOrigins, List<String> trustedProxies) {
    return HttpSettings.onFreePorts(Optional.of(AdminToken.of(ADMIN_TOKEN)))
        .withLimits(HttpLimits.DEFAULTS.withMaxRequestBytes(4096))
        .withProxies(corsOrigins, trustedProxies);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
  }

  /** A request to the admin listener. */
  HttpRequest.Builder adminRequest(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.adminPort() + path))
        .timeout(Duration.ofSeconds(10));
  }

  HttpRequest.Builder adminPost(String path, String body) {
    return adminRequest(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  HttpRequest.Builder post(String path, String body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<Stream<String>> sendForLines(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code request} with the admin token as a bearer token. */
  HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer " + ADMIN_TOKEN);
  }

  HttpResponse<String> converse(String body) {
    return send(post("/api/v1/converse", body).header("X-API-Key", KEY));
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events of an SSE body as a client reads them: the JSON of every {@code data: } line. */
  static List<JsonNode> events(String body) {
    return body.lines()
        .filter(line -> line.startsWith("data: "))
        .map(line -> json(line.substring("data: ".length())))
        .toList();
  }

  @Override
  public void close() {
    client.close(); // an idle keep-alive connection would hold up the graceful stop
    server.stop();
  }
}
