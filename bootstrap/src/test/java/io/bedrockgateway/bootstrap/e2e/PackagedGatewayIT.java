package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.emulator.EmulatedAnswer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's run command, for real: the packaged jar with {@code --emulator}, over HTTP. */
class PackagedGatewayIT {
  private static final Pattern DEMO_KEY = Pattern.compile("(bgw_[A-Za-z0-9]+_[A-Za-z0-9]+)");
  private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

  private Process gateway;

  @AfterEach
  void stop() throws InterruptedException {
    if (gateway != null && gateway.isAlive()) {
      gateway.destroy();
      if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
        gateway.destroyForcibly();
      }
    }
  }

  @Test
  void theJarStartsWithTheEmulatorAndStreamsAnAnswerToTheDemoKey() throws Exception {
    gateway = startJar(Map.of());
    BlockingQueue<String> output = drain(gateway);

    String key = awaitMatch(output, DEMO_KEY);
    int port = Integer.parseInt(awaitMatch(output, LISTENING));
    assertThat(port).isPositive();

    SseClient client = new SseClient(port);
    HttpResponse<String> stream =
        client.post(
            "/api/v1/bedrock/converse-stream", SseClient.chat("Hello"), Map.of("X-API-Key", key));
    assertThat(stream.statusCode()).isEqualTo(200);
    List<JsonNode> events = SseClient.events(stream.body());
    assertThat(SseClient.text(events)).isEqualTo(EmulatedAnswer.text("Hello"));
    assertThat(events.get(events.size() - 2).has("messageStop")).isTrue();
    assertThat(events.getLast().path("metadata").path("usage").path("totalTokens").asInt())
        .isPositive();

    HttpResponse<String> plain =
        client.post(
            "/api/v1/converse", SseClient.chat("Hello"), Map.of("Authorization", "Bearer " + key));
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(SseClient.parse(plain.body()).path("stopReason").asText()).isEqualTo("end_turn");

    gateway.destroy();
    assertThat(gateway.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    assertThat(gateway.exitValue()).isZero();
  }

  @Test
  void sigtermLetsARunningStreamFinishRecordsItsUsageThenExitsCleanly() throws Exception {
    String usageStore = MongoFixture.shared().freshDatabaseUri();
    gateway = startJar(Map.of("MONGODB_URI", usageStore));
    BlockingQueue<String> output = drain(gateway);
    String key = awaitMatch(output, DEMO_KEY);
    int port = Integer.parseInt(awaitMatch(output, LISTENING));
    String prompt = "Slow one [emulator:tokens=40] [emulator:token-delay-ms=50]";

    // the stream is under way (its status and headers are in) when the gateway is told to stop
    HttpResponse<java.util.stream.Stream<String>> stream =
        new SseClient(port)
            .postForLines(
                "/api/v1/converse-stream", SseClient.chat(prompt), Map.of("X-API-Key", key));
    assertThat(stream.statusCode()).isEqualTo(200);
    gateway.destroy();

    String body = stream.body().collect(java.util.stream.Collectors.joining("\n"));
    assertThat(SseClient.text(SseClient.events(body))).isEqualTo(EmulatedAnswer.text(prompt, 40));
    assertThat(gateway.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(gateway.exitValue()).isZero();
    try (MongoClient store = MongoClients.create(usageStore)) {
      List<Document> usage =
          store
              .getDatabase(new ConnectionString(usageStore).getDatabase())
              .getCollection("usage_events")
              .find()
              .into(new ArrayList<>());
      assertThat(usage)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.getString("outcome")).isEqualTo("succeeded");
                assertThat(event.toJson()).doesNotContain(key);
              });
    }
  }

  private static Process startJar(Map<String, String> environment) throws IOException {
    Path jar = Path.of(System.getProperty("gateway.jar", "target/bedrock-gateway.jar"));
    assertThat(jar).exists();
    ProcessBuilder command =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--emulator")
            .redirectErrorStream(true);
    command.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
    // 0: the gateway binds a free port and prints it; a port chosen here could be taken meanwhile
    command.environment().put("PORT", "0");
    command.environment().put("ADMIN_PORT", "0");
    command.environment().putAll(environment);
    return command.start();
  }

  private static String awaitMatch(BlockingQueue<String> output, Pattern pattern)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = output.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      seen.append(line).append('\n');
      Matcher matcher = pattern.matcher(line);
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("the gateway never printed " + pattern + "; it printed:\n" + seen);
  }

  private static BlockingQueue<String> drain(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
              } catch (IOException closed) {
                lines.add("(output closed: " + closed.getMessage() + ")");
              }
            });
    return lines;
  }
}
