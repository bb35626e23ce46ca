package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.adapter.http.HostileRoutes.Route;
import io.bedrockgateway.adapter.http.admin.AdminToken;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile body of {@code hostile/corpus.json}, and the large ones made here, over every route
 * it concerns, through real HTTP with a valid key: each is a 4xx with a JSON error body naming the
 * problem, never a 5xx, and nothing is logged at ERROR.
 */
class HostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LARGE_LIMIT = 16 * 1024 * 1024;

  /** The default test server: bodies of at most 4096 bytes. */
  private static TestServer server;

  /** One that takes bodies of up to 16 MiB, for what is too large only once read. */
  private static TestServer largeServer;

  private static LogCapture logs;

  /** A corpus entry: a raw body, the routes it is sent to, what the answer must say. */
  record Case(
      String name,
      String body,
      String base64,
      List<String> routes,
      List<String> except,
      Integer status,
      String detail) {

    byte[] bytes() {
      return base64 != null
          ? Base64.getDecoder().decode(base64)
          : body.getBytes(StandardCharsets.UTF_8);
    }

    boolean concerns(Route route) {
      return (routes == null || routes.contains(route.group()))
          && (except == null || !except.contains(route.group()));
    }
  }

  @BeforeAll
  static void start() {
    logs = new LogCapture();
    server = new TestServer();
    largeServer =
        new TestServer(
            HttpSettings.onFreePorts(Optional.of(AdminToken.of(TestServer.ADMIN_TOKEN)))
                .withLimits(HttpLimits.DEFAULTS.withMaxRequestBytes(LARGE_LIMIT)));
  }

  @AfterAll
  static void stop() {
    server.close();
    largeServer.close();
    logs.close();
  }

  @AfterEach
  void nothingWasLoggedAtError() {
    assertThat(logs.errors()).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusBodyIsRefusedOnEveryRouteItConcerns() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case entry : corpus()) {
      for (Route route : HostileRoutes.ALL) {
        if (entry.concerns(route)) {
          tests.add(
              DynamicTest.dynamicTest(
                  entry.name() + " -> " + route,
                  () ->
                      assertRefused(
                          HostileRoutes.send(server, route, entry.bytes()),
                          entry.status() == null ? 400 : entry.status(),
                          entry.detail())));
        }
      }
    }
    return tests.stream();
  }

  @Test
  void theCorpusCoversEveryRoute() {
    List<Case> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(300);
    for (Route route : HostileRoutes.ALL) {
      assertThat(corpus.stream().filter(entry -> entry.concerns(route)).count())
          .as(route.toString())
          .isGreaterThan(100);
    }
  }

  @TestFactory
  Stream<DynamicTest> aBodyOverTheByteLimitIsA413OnEveryRoute() {
    byte[] body = ("{\"text\":\"" + "a".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    return HostileRoutes.ALL.stream()
        .map(
            route ->
                DynamicTest.dynamicTest(
                    route.toString(),
                    () ->
                        assertRefused(
                            HostileRoutes.send(server, route, body),
                            413,
                            "request body exceeds 4096 bytes")));
  }

  @TestFactory
  Stream<DynamicTest> nestingTenThousandDeepIsRefusedOnEveryRoute() {
    byte[] lists = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    byte[] objects =
        ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    byte[] unclosed = "{\"a\":[".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    String detail = "document nesting depth (65) exceeds the maximum allowed (64)";
    return HostileRoutes.ALL.stream()
        .flatMap(
            route ->
                Stream.of(
                    DynamicTest.dynamicTest(
                        "lists -> " + route,
                        () ->
                            assertRefused(
                                HostileRoutes.send(largeServer, route, lists), 400, detail)),
                    DynamicTest.dynamicTest(
                        "objects -> " + route,
                        () ->
                            assertRefused(
                                HostileRoutes.send(largeServer, route, objects), 400, detail)),
                    DynamicTest.dynamicTest(
                        "unclosed -> " + route,
                        () ->
                            assertRefused(
                                HostileRoutes.send(largeServer, route, unclosed), 400, detail))));
  }

  @TestFactory
  Stream<DynamicTest> aMillionTokensAreRefusedOnEveryRoute() {
    byte[] body = ("{\"a\":[" + "0,".repeat(1_000_000) + "0]}").getBytes(StandardCharsets.UTF_8);
    return HostileRoutes.ALL.stream()
        .map(
            route ->
                DynamicTest.dynamicTest(
                    route.toString(),
                    () ->
                        assertRefused(
                            HostileRoutes.send(largeServer, route, body),
                            400,
                            "token count (1000001) exceeds the maximum allowed (1000000)")));
  }

  @TestFactory
  Stream<DynamicTest> overlongStringsAndNamesAreRefused() {
    byte[] string = ("{\"a\":\"" + "x".repeat(8_000_001) + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] name = ("{\"" + "n".repeat(1_001) + "\":1}").getBytes(StandardCharsets.UTF_8);
    // the string is 8 MB: three routes, one of each body reader family, are enough for it
    Stream<DynamicTest> strings =
        Stream.of(
                HostileRoutes.of(HostileRoutes.CONVERSE).getFirst(),
                HostileRoutes.of(HostileRoutes.EMBED_IMAGE).getFirst(),
                HostileRoutes.of(HostileRoutes.ADMIN_CREATE).getFirst())
            .map(
                route ->
                    DynamicTest.dynamicTest(
                        "string -> " + route,
                        () ->
                            assertRefused(
                                HostileRoutes.send(largeServer, route, string),
                                400,
                                "a: string value length (8000001) exceeds the maximum allowed"
                                    + " (8000000)")));
    Stream<DynamicTest> names =
        HostileRoutes.ALL.stream()
            .map(
                route ->
                    DynamicTest.dynamicTest(
                        "name -> " + route,
                        () ->
                            assertRefused(
                                HostileRoutes.send(server, route, name),
                                400,
                                "name length (1001) exceeds the maximum allowed (1000)")));
    return Stream.concat(strings, names);
  }

  @TestFactory
  Stream<DynamicTest> tenThousandEntriesAreRefusedWhereTheListIsRead() {
    String empties = String.join(",", java.util.Collections.nCopies(10_000, "{}"));
    String texts = String.join(",", java.util.Collections.nCopies(10_000, "\"a\""));
    String hello = "{\"role\":\"user\",\"content\":\"hi\"}";
    String tool = "{\"toolSpec\":{\"name\":\"w\",\"inputSchema\":{\"json\":{}}}}";
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : HostileRoutes.of(HostileRoutes.CONVERSE)) {
      tests.add(
          large(
              "empty blocks",
              route,
              "{\"messages\":[{\"role\":\"user\",\"content\":[" + empties + "]}]}",
              "messages[0].content: must hold at most 1000 content blocks"));
      tests.add(
          large(
              "empty messages",
              route,
              "{\"messages\":[" + empties + "]}",
              "messages: must hold at most 1000 messages"));
      tests.add(
          large(
              "1,001 messages",
              route,
              "{\"messages\":["
                  + String.join(",", java.util.Collections.nCopies(1_001, hello))
                  + "]}",
              "messages: must hold at most 1000 messages"));
      tests.add(
          large(
              "empty tool result blocks",
              route,
              "{\"messages\":[{\"role\":\"user\",\"content\":[{\"toolResult\":{\"toolUseId\":\"t\","
                  + "\"content\":["
                  + empties
                  + "]}}]}]}",
              "messages[0].content[0].toolResult.content: must hold at most 1000 blocks"));
      tests.add(
          large(
              "1,001 tools",
              route,
              "{\"messages\":["
                  + hello
                  + "],\"tool_config\":{\"tools\":["
                  + String.join(",", java.util.Collections.nCopies(1_001, tool))
                  + "]}}",
              "tool_config.tools: must hold at most 1000 tools"));
    }
    for (Route route : HostileRoutes.of(HostileRoutes.EMBED_BATCH)) {
      tests.add(
          large("texts", route, "{\"texts\":[" + texts + "]}", "texts must hold 1 to 100 texts"));
    }
    for (Route route : HostileRoutes.of(HostileRoutes.ADMIN_CREATE, HostileRoutes.ADMIN_UPDATE)) {
      tests.add(
          large(
              "allowed models",
              route,
              "{\"name\":\"bot\",\"allowed_models\":[" + texts + "]}",
              "allowed_models: must hold at most 1000 models"));
    }
    return tests.stream();
  }

  private static DynamicTest large(String name, Route route, String body, String detail) {
    return DynamicTest.dynamicTest(
        name + " -> " + route,
        () ->
            assertRefused(
                HostileRoutes.send(largeServer, route, body.getBytes(StandardCharsets.UTF_8)),
                400,
                detail));
  }

  static void assertRefused(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = json(response.body());
    assertThat(HostileRoutes.error(body)).isNotBlank();
    assertThat(HostileRoutes.requestId(body)).isNotBlank();
    if (detail != null) {
      assertThat(HostileRoutes.detail(body)).contains(detail);
    }
  }

  static List<Case> corpus() {
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/corpus.json")) {
      return List.of(JSON.readValue(in, Case[].class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
