package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator console's files on the admin listener: headers, caching and nothing else. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one server: the console's files hold no state
class ConsoleRoutesTest {
  private final TestServer server = new TestServer();

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void theConsoleWithoutItsSlashIsRedirectedToIt() {
    HttpResponse<String> response = server.send(server.adminRequest("/console"));

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location")).contains("/console/");
  }

  @Test
  void thePageForbidsInlineScriptAndFramingAndIsRevalidated() {
    HttpResponse<String> response = server.send(server.adminRequest("/console/"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
        .isEqualTo("text/html;charset=utf-8");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(response.body())
        .contains("<script type=\"module\" src=\"js/app.js\"></script>")
        .doesNotContain("<script>", "style=", "onclick=");
  }

  @ParameterizedTest
  @CsvSource({
    "/console/js/app.js, text/javascript; charset=utf-8, showSignIn",
    "/console/console.css, text/css; charset=utf-8, --accent",
    "/console/vendor/uPlot.esm.js, text/javascript; charset=utf-8, export { uPlot as default }",
    "/console/vendor/uPlot.min.css, text/css; charset=utf-8, .uplot",
  })
  void servesTheConsolesFilesAndTheChartLibraryWithoutAToken(
      String path, String type, String content) {
    HttpResponse<String> response = server.send(server.adminRequest(path));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
        .isEqualTo(type.replace(" ", ""));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(response.body()).contains(content);
  }

  @Test
  void anUnchangedFileIsAnsweredNotModified() {
    HttpResponse<String> first = server.send(server.adminRequest("/console/js/app.js"));
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again =
        server.send(server.adminRequest("/console/js/app.js").header("If-None-Match", etag));
    HttpResponse<String> stale =
        server.send(server.adminRequest("/console/js/app.js").header("If-None-Match", "\"old\""));

    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(stale.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/console/missing.js",
        "/console/js/../../admin/v1/keys",
        "/console/..%2f..%2fMETA-INF/MANIFEST.MF",
        "/console/%2e%2e/%2e%2e/logback.xml",
        "/console/vendor/../../../../io/bedrockgateway/adapter/http/AdminGuard.class",
        "/console/vendor/..%2f..%2fpackage.json",
        "/console/vendor/%2e%2e%2fLICENSE",
        "/console/.%2e/static/index.html",
        "/console/static/index.html",
        "/console/js/app.js%00.png",
        "/console/js\\..\\index.html",
        "/console//etc/passwd",
        "/console/file:/etc/passwd",
        "/console/a/b/c/d.js",
        "/console/AdminGuard.class",
        "/console/index.html.bak",
      })
  void nothingButTheConsolesFilesCanBeReached(String path) {
    String answer =
        raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    String status = answer.lines().findFirst().orElse("");
    assertThat(List.of("HTTP/1.1 400", "HTTP/1.1 404"))
        .as(path + " -> " + status)
        .anyMatch(status::startsWith);
    assertThat(answer)
        .doesNotContain(
            "Manifest-Version", "Bedrock Gateway console", "\"keys\"", "<configuration");
  }

  @Test
  void aMissingFileIsTheGatewaysJson404() {
    HttpResponse<String> response = server.send(server.adminRequest("/console/js/missing.js"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(TestServer.json(response.body()).path("detail").asText())
        .isEqualTo("The console has no file js/missing.js.");
    assertThat(TestServer.json(response.body()).path("request_id").asText()).isNotEmpty();
    assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  @Test
  void theConsoleIsNotOnThePublicListener() {
    assertThat(server.send(server.request("/console/")).statusCode()).isEqualTo(404);
    assertThat(server.send(server.request("/console/js/app.js")).statusCode()).isEqualTo(404);
  }

  /** The request exactly as written: no client normalises its path first. */
  private String raw(String request) {
    try (Socket socket = new Socket("localhost", server.server.adminPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
