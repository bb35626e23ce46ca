package io.bedrockgateway.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files are valid for the tools that read them (nginx's config test,
 * docker-compose's) and keep the stack closed by default: TLS at nginx, only the public API
 * published, operator ports on the host's loopback, no secret on a command line, the gateway on its
 * own MongoDB user, bounded memory and a stop grace period that outlasts the drain. Tests that need
 * a tool skip where it is not installed (CI installs nginx and docker-compose).
 */
class DeploymentFilesTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path NGINX_SITE = REPOSITORY.resolve("deploy/nginx/bedrock-gateway.conf");
  private static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yml");
  private static final Path ENV_EXAMPLE = REPOSITORY.resolve(".env.example");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The gateway's default cap on one stream (MAX_STREAM_SECONDS). */
  private static final long MAX_STREAM_SECONDS = 900;

  /**
   * On SIGTERM the gateway lets running requests finish for up to 30 s, then gives the usage writer
   * up to 60 s to flush.
   */
  private static final Duration SHUTDOWN_WORST_CASE = Duration.ofSeconds(30 + 60);

  private static final String CERT_IN_CONTAINER = "/etc/nginx/tls/tls.crt";
  private static final String KEY_IN_CONTAINER = "/etc/nginx/tls/tls.key";

  @TempDir static Path shared;
  private static Pem certificate;
  private static JsonNode stack;
  private static Map<String, String> stackEnvironment;

  // nginx

  @Test
  void nginxAcceptsTheGatewayConfigWithTls(@TempDir Path prefix) throws Exception {
    assumeTrue(onPath("nginx"), "nginx is not installed");
    Pem pem = selfSignedCertificate();
    String site =
        siteWith(
            Map.of(
                // nginx resolves upstream names while testing; the compose service names exist
                // only inside the compose network.
                "server gateway-1:8000;",
                "server 127.0.0.1:8000;",
                "server gateway-2:8000;",
                "server 127.0.0.2:8000;",
                CERT_IN_CONTAINER,
                pem.certificate().toString(),
                KEY_IN_CONTAINER,
                pem.key().toString()));
    Path config = nginxConfig(prefix, site, false);

    Result result = run(Map.of(), "nginx", "-t", "-p", prefix.toString(), "-c", config.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("test is successful");
  }

  @Test
  void nginxPublishesOnlyTheApiAndHealthOverTlsAndRedirectsPlainHttp(@TempDir Path prefix)
      throws Exception {
    assumeTrue(onPath("nginx"), "nginx is not installed");
    Pem pem = selfSignedCertificate();
    List<String> upstreamSaw = new CopyOnWriteArrayList<>();
    HttpServer upstream =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          int bodyBytes = exchange.getRequestBody().readAllBytes().length;
          upstreamSaw.add(
              exchange.getRequestURI()
                  + " proto="
                  + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")
                  + " body="
                  + bodyBytes);
          byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
    int[] ports = freePorts(2);
    int http = ports[0];
    int https = ports[1];
    String backend = "server 127.0.0.1:" + upstream.getAddress().getPort() + ";";
    String site =
        siteWith(
            Map.of(
                "server gateway-1:8000;",
                backend,
                "server gateway-2:8000;",
                backend,
                "listen 80;",
                "listen 127.0.0.1:" + http + ";",
                "listen 443 ssl;",
                "listen 127.0.0.1:" + https + " ssl;",
                CERT_IN_CONTAINER,
                pem.certificate().toString(),
                KEY_IN_CONTAINER,
                pem.key().toString()));
    Path config = nginxConfig(prefix, site, true);
    // What nginx would serve from its default root if a path fell through to it.
    Files.writeString(
        Files.createDirectories(prefix.resolve("html")).resolve("index.html"), "default page");
    Process nginx =
        new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("logs/stdout.log").toFile())
            .start();
    try {
      awaitListening(nginx, https, prefix);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .sslContext(trusting(pem.certificate()))
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String base = "https://127.0.0.1:" + https;

      HttpResponse<String> api = get(client, base + "/api/bedrock-gateway/models?x=1");
      assertThat(api.statusCode()).isEqualTo(200);
      assertThat(api.headers().firstValue("Strict-Transport-Security"))
          .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
      assertThat(get(client, base + "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> atTheLimit =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/bedrock-gateway/converse"))
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          new byte[(int) HttpLimits.DEFAULT_MAX_REQUEST_BYTES]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(atTheLimit.statusCode()).isEqualTo(200);
      assertThat(upstreamSaw)
          .containsExactly(
              "/api/v1/models?x=1 proto=https body=0",
              "/health proto=null body=0",
              "/api/v1/converse proto=https body=" + HttpLimits.DEFAULT_MAX_REQUEST_BYTES);

      for (String hidden :
          List.of("/admin/v1/keys", "/metrics", "/console", "/api/v1/models", "/v1/models", "/")) {
        HttpResponse<String> refused = get(client, base + hidden);
        assertThat(refused.statusCode()).as(hidden).isEqualTo(404);
        assertThat(refused.headers().firstValue("Strict-Transport-Security")).isPresent();
      }
      HttpResponse<String> tooLarge =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/bedrock-gateway/converse"))
                  .expectContinue(true)
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          new byte[(int) HttpLimits.DEFAULT_MAX_REQUEST_BYTES + 1]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(upstreamSaw).hasSize(3);

      HttpResponse<String> plain =
          get(client, "http://127.0.0.1:" + http + "/api/bedrock-gateway/models?x=1");
      assertThat(plain.statusCode()).isEqualTo(301);
      assertThat(plain.headers().firstValue("Location"))
          .hasValue("https://127.0.0.1/api/bedrock-gateway/models?x=1");
      assertThat(upstreamSaw).hasSize(3);
    } finally {
      nginx.destroy();
      if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
        nginx.destroyForcibly();
      }
      upstream.stop(0);
    }
  }

  @Test
  void nginxKeepsStreamsUnbufferedOutlastsTheLongestStreamAndBoundsSlowClients()
      throws IOException {
    String site = Files.readString(NGINX_SITE);
    String api = block(site, "location /api/bedrock-gateway/ {");

    assertThat(api).contains("proxy_pass http://bedrock-gateway/api/v1/;");
    assertThat(api).contains("proxy_buffering off;").contains("proxy_request_buffering off;");
    assertThat(seconds(directive(api, "proxy_read_timeout"))).isGreaterThan(MAX_STREAM_SECONDS);
    String tls = block(site, "server {\n    listen 443 ssl;");
    assertThat(directive(tls, "ssl_protocols")).isEqualTo("TLSv1.2 TLSv1.3");
    assertThat(directive(tls, "ssl_certificate")).isEqualTo(CERT_IN_CONTAINER);
    assertThat(directive(tls, "ssl_certificate_key")).isEqualTo(KEY_IN_CONTAINER);
    assertThat(directive(tls, "client_max_body_size")).isEqualTo("10m");
    assertThat(10L * 1024 * 1024).isEqualTo(HttpLimits.DEFAULT_MAX_REQUEST_BYTES);
    assertThat(seconds(directive(tls, "client_header_timeout"))).isBetween(1L, 60L);
    assertThat(seconds(directive(tls, "client_body_timeout"))).isBetween(1L, 60L);
    assertThat(directive(tls, "add_header")).startsWith("Strict-Transport-Security");
    String plain = block(site, "server {\n    listen 80;");
    assertThat(plain).contains("return 301 https://").doesNotContain("proxy_pass");
  }

  // docker-compose

  @Test
  void dockerComposeAcceptsTheStackWithTheExampleEnvironment() throws Exception {
    assertThat(stack().path("services").size()).isEqualTo(7);
  }

  @Test
  void dockerComposeRefusesToStartWithoutSecrets(@TempDir Path directory) throws Exception {
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
    Path empty = Files.writeString(directory.resolve(".env"), "");

    Result result =
        run(
            Map.of(),
            "docker-compose",
            "--env-file",
            empty.toString(),
            "-f",
            COMPOSE_FILE.toString(),
            "config",
            "-q");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("in .env");
  }

  @Test
  void onlyNginxIsPublishedBeyondTheHostsLoopback() throws Exception {
    Map<String, List<String>> published = new LinkedHashMap<>();
    stack()
        .path("services")
        .properties()
        .forEach(
            service -> {
              List<String> ports = new ArrayList<>();
              service.getValue().path("ports").forEach(port -> ports.add(published(port)));
              published.put(service.getKey(), ports);
            });

    assertThat(published)
        .containsEntry("nginx", List.of("*:443->443", "*:80->80"))
        .containsEntry("gateway-1", List.of("127.0.0.1:8001->8001"))
        .containsEntry("prometheus", List.of("127.0.0.1:9090->9090"))
        .containsEntry("grafana", List.of("127.0.0.1:3000->3000"))
        .containsEntry("gateway-2", List.of())
        .containsEntry("redis", List.of())
        .containsEntry("mongo", List.of());
    JsonNode gateway = stack().path("services").path("gateway-1").path("environment");
    assertThat(gateway.path("ADMIN_PORT").asText()).isEqualTo("8001");
    assertThat(gateway.path("ADMIN_BIND_ADDRESS").asText()).isEqualTo("0.0.0.0");
    assertThat(gateway.path("PORT").asText()).isEqualTo("8000");
  }

  @Test
  void prometheusScrapesTheGatewaysAdminListener() throws IOException {
    JsonNode scrape =
        YAML.readTree(REPOSITORY.resolve("deploy/prometheus/prometheus.yml").toFile())
            .path("scrape_configs")
            .path(0);

    assertThat(scrape.path("metrics_path").asText()).isEqualTo("/metrics");
    assertThat(scrape.path("static_configs").path(0).path("targets"))
        .extracting(JsonNode::asText)
        .containsExactly("gateway-1:8001", "gateway-2:8001");
  }

  @Test
  void noSecretIsOnAnyCommandLine() throws Exception {
    JsonNode services = stack().path("services");
    List<String> secrets =
        stackEnvironment.values().stream()
            .filter(value -> value.startsWith("test-secret-"))
            .toList();
    assertThat(secrets).isNotEmpty();
    services
        .properties()
        .forEach(
            service -> {
              JsonNode definition = service.getValue();
              String argv =
                  String.join(
                      " ",
                      texts(definition.path("command")),
                      texts(definition.path("entrypoint")),
                      texts(definition.path("healthcheck").path("test")));
              assertThat(argv).as(service.getKey()).doesNotContain("requirepass");
              secrets.forEach(
                  secret -> assertThat(argv).as(service.getKey()).doesNotContain(secret));
            });
    // Nor interpolated into one in the file itself (a `sh -c "... $VAR"` would be an argv too).
    YAML.readTree(COMPOSE_FILE.toFile())
        .path("services")
        .properties()
        .forEach(
            service -> {
              JsonNode definition = service.getValue();
              assertThat(texts(definition.path("command")) + texts(definition.path("entrypoint")))
                  .as(service.getKey())
                  .doesNotContain("$");
            });
    assertThat(
            texts(services.path("redis").path("command"))
                + texts(services.path("redis").path("volumes")))
        .contains("start-redis.sh");
  }

  @Test
  void theGatewaysUseTheMongoApplicationUserNeverRoot() throws Exception {
    JsonNode services = stack().path("services");
    for (String gateway : List.of("gateway-1", "gateway-2")) {
      URI uri = URI.create(services.path(gateway).path("environment").path("MONGODB_URI").asText());
      assertThat(uri.getRawUserInfo())
          .isEqualTo(
              stackEnvironment.get("MONGO_APP_USERNAME")
                  + ":"
                  + stackEnvironment.get("MONGO_APP_PASSWORD"));
      assertThat(uri.getPath()).isEqualTo("/bedrock_usage");
      assertThat(uri.getQuery()).contains("authSource=bedrock_usage").doesNotContain("admin");
      assertThat(services.path(gateway).path("environment").toString())
          .doesNotContain(stackEnvironment.get("MONGO_ROOT_PASSWORD"));
    }
    JsonNode mongo = services.path("mongo");
    assertThat(mongo.path("environment").path("MONGO_APP_USERNAME").asText())
        .isEqualTo(stackEnvironment.get("MONGO_APP_USERNAME"));
    assertThat(texts(mongo.path("volumes")))
        .contains("deploy/mongo/init-app-user.js:/docker-entrypoint-initdb.d/init-app-user.js:ro");
  }

  @Test
  void nginxGetsTheTlsFilesFromTheEnvironmentReadOnly() throws Exception {
    assertThat(texts(stack().path("services").path("nginx").path("volumes")))
        .contains(stackEnvironment.get("TLS_CERT_FILE") + ":" + CERT_IN_CONTAINER + ":ro")
        .contains(stackEnvironment.get("TLS_KEY_FILE") + ":" + KEY_IN_CONTAINER + ":ro");
  }

  @Test
  void everyContainerHasAMemoryLimitAndTheGatewaysOutlastTheirShutdown() throws Exception {
    stack()
        .path("services")
        .properties()
        .forEach(
            service ->
                assertThat(service.getValue().path("mem_limit").asText())
                    .as(service.getKey() + " mem_limit")
                    .isNotEmpty());
    // The gateway's heap follows its container's limit.
    assertThat(Files.readString(REPOSITORY.resolve("Dockerfile")))
        .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=\\d+");
    for (String gateway : List.of("gateway-1", "gateway-2")) {
      assertThat(
              duration(stack().path("services").path(gateway).path("stop_grace_period").asText()))
          .as(gateway)
          .isGreaterThan(SHUTDOWN_WORST_CASE);
    }
  }

  @Test
  void theExampleEnvironmentNamesEveryVariableTheStackReadsAndHoldsNoSecret() throws IOException {
    Set<String> read = new TreeSet<>();
    Matcher reference =
        Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(COMPOSE_FILE));
    while (reference.find()) {
      read.add(reference.group(1));
    }
    Map<String, String> example = environment(Files.readAllLines(ENV_EXAMPLE));

    assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(read);
    example.forEach(
        (name, value) -> {
          if (name.matches(".*(PASSWORD|TOKEN|SECRET.*|API_KEYS)")) {
            assertThat(value).as(name).isEmpty();
          }
        });
  }

  // scripts the containers run

  @Test
  void redisGetsItsPasswordFromAPrivateConfigFileNotFromItsCommandLine(@TempDir Path directory)
      throws Exception {
    assumeTrue(onPath("sh"), "sh is not installed");
    assumeTrue(
        !"root".equals(System.getProperty("user.name"))
            || run(Map.of(), "id", "redis").exitCode() == 0,
        "as root the script hands the config to the redis user, and there is none here");
    Path bin = Files.createDirectories(directory.resolve("bin"));
    Path entrypoint = bin.resolve("docker-entrypoint.sh");
    Files.writeString(
        entrypoint,
        """
        #!/bin/sh
        echo "argv: $*" > "$REDIS_TEST_OUT"
        echo "env: ${REDIS_PASSWORD-unset}" >> "$REDIS_TEST_OUT"
        """);
    entrypoint.toFile().setExecutable(true);
    Path out = directory.resolve("out.txt");
    Path confDir = directory.resolve("conf");
    String password = "0123456789abcdef-secret";
    Map<String, String> environment =
        Map.of(
            "PATH",
            bin + File.pathSeparator + System.getenv("PATH"),
            "REDIS_PASSWORD",
            password,
            "REDIS_CONF_DIR",
            confDir.toString(),
            "REDIS_TEST_OUT",
            out.toString());

    Result result =
        run(environment, "sh", REPOSITORY.resolve("deploy/redis/start-redis.sh").toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    Path conf = confDir.resolve("redis.conf");
    assertThat(Files.readString(out)).isEqualTo("argv: redis-server " + conf + "\nenv: unset\n");
    assertThat(Files.readAllLines(conf)).contains("requirepass " + password, "appendonly yes");
    assertThat(Files.getPosixFilePermissions(conf))
        .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    Map<String, String> unsafe = new HashMap<>(environment);
    unsafe.put("REDIS_PASSWORD", "has space");
    unsafe.put("REDIS_CONF_DIR", directory.resolve("unsafe").toString());
    Result refused =
        run(unsafe, "sh", REPOSITORY.resolve("deploy/redis/start-redis.sh").toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("REDIS_PASSWORD");
    assertThat(directory.resolve("unsafe")).doesNotExist();
  }

  @Test
  void mongoInitScriptGivesTheApplicationUserTheUsageDatabaseOnly(@TempDir Path directory)
      throws Exception {
    assumeTrue(onPath("node"), "node is not installed");
    // A stand-in for mongosh's `db` that records what the script asks for.
    Path harness =
        Files.writeString(
            directory.resolve("harness.js"),
            """
            const calls = [];
            const existing = process.env.EXISTING_USER === 'yes';
            const database = (name) => ({
              getRole: (role) => null,
              createRole: (role) => calls.push({ op: 'createRole', db: name, arg: role }),
              getUser: (user) => (existing ? { user } : null),
              createUser: (user) => calls.push({ op: 'createUser', db: name, arg: user }),
              updateUser: (user, update) =>
                calls.push({ op: 'updateUser', db: name, arg: { user, ...update } }),
            });
            globalThis.db = { getSiblingDB: database };
            globalThis.print = () => {};
            require('vm').runInThisContext(require('fs').readFileSync(process.argv[2], 'utf8'));
            console.log(JSON.stringify(calls));
            """);
    String script = REPOSITORY.resolve("deploy/mongo/init-app-user.js").toString();
    Map<String, String> environment =
        Map.of("MONGO_APP_USERNAME", "bedrock_gateway", "MONGO_APP_PASSWORD", "app-secret");

    for (String existing : List.of("no", "yes")) {
      Map<String, String> withUser = new HashMap<>(environment);
      withUser.put("EXISTING_USER", existing);
      Result result = run(withUser, "node", harness.toString(), script);
      assertThat(result.exitCode()).as(result.output()).isZero();
      JsonNode calls = JSON.readTree(result.output());

      assertThat(calls).extracting(call -> call.path("db").asText()).containsOnly("bedrock_usage");
      JsonNode role = calls.get(0).path("arg");
      assertThat(calls.get(0).path("op").asText()).isEqualTo("createRole");
      assertThat(role.path("privileges").toString())
          .isEqualTo(
              "[{\"resource\":{\"db\":\"bedrock_usage\",\"collection\":\"\"},\"actions\":[\"collMod\"]}]");
      JsonNode user = calls.get(1).path("arg");
      assertThat(calls.get(1).path("op").asText())
          .isEqualTo(existing.equals("yes") ? "updateUser" : "createUser");
      assertThat(user.path("user").asText()).isEqualTo("bedrock_gateway");
      assertThat(user.path("pwd").asText()).isEqualTo("app-secret");
      assertThat(user.path("roles"))
          .extracting(granted -> granted.path("role").asText() + "@" + granted.path("db").asText())
          .containsExactlyInAnyOrder(
              "readWrite@bedrock_usage", role.path("role").asText() + "@bedrock_usage");
    }
    Result unset =
        run(
            Map.of("MONGO_APP_USERNAME", "", "MONGO_APP_PASSWORD", ""),
            "node",
            harness.toString(),
            script);
    assertThat(unset.exitCode()).isNotZero();
    assertThat(unset.output()).contains("MONGO_APP_USERNAME");
  }

  // helpers: docker-compose

  /** `docker-compose config` of the stack with the example environment, secrets filled in. */
  private static synchronized JsonNode stack() throws Exception {
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
    if (stack == null) {
      Path directory = Files.createTempDirectory("compose-env");
      try {
        Map<String, String> values = new LinkedHashMap<>();
        environment(Files.readAllLines(ENV_EXAMPLE))
            .forEach(
                (name, value) -> values.put(name, value.isEmpty() ? "test-secret-" + name : value));
        // Distinct from the example's, to show the mounts come from .env.
        values.put("TLS_CERT_FILE", "/srv/tls/test-cert.pem");
        values.put("TLS_KEY_FILE", "/srv/tls/test-key.pem");
        Path env = directory.resolve(".env");
        Files.write(
            env,
            values.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .toList());

        Result result =
            run(
                Map.of(),
                "docker-compose",
                "--env-file",
                env.toString(),
                "-f",
                COMPOSE_FILE.toString(),
                "config");

        assertThat(result.exitCode()).as(result.output()).isZero();
        stack = YAML.readTree(result.output());
        stackEnvironment = values;
      } finally {
        try (var files = Files.walk(directory)) {
          files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
      }
    }
    return stack;
  }

  /** A published port as {@code hostIp:published->target}, {@code *} for every interface. */
  private static String published(JsonNode port) {
    if (port.isTextual()) {
      String[] parts = port.asText().replaceAll("/tcp$", "").split(":");
      return parts.length == 3
          ? parts[0] + ":" + parts[1] + "->" + parts[2]
          : "*:" + parts[0] + "->" + parts[parts.length - 1];
    }
    String hostIp = port.path("host_ip").asText("");
    return (hostIp.isEmpty() ? "*" : hostIp)
        + ":"
        + port.path("published").asText()
        + "->"
        + port.path("target").asText();
  }

  private static String texts(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return "";
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return String.join(
        " ", StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList());
  }

  private static Map<String, String> environment(List<String> lines) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher variable = Pattern.compile("([A-Z0-9_]+)=(.*)").matcher(line);
      if (variable.matches()) {
        variables.put(variable.group(1), variable.group(2));
      }
    }
    return variables;
  }

  /** A Go duration as docker-compose prints it: {@code 100s}, {@code 1m40s}. */
  private static Duration duration(String text) {
    Matcher part = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find()) {
      assertThat(part.start()).as(text).isEqualTo(end);
      end = part.end();
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
              });
    }
    assertThat(end).as(text).isEqualTo(text.length()).isPositive();
    return total;
  }

  // helpers: nginx

  /** The site config with each placeholder replaced; each must occur exactly once. */
  private static String siteWith(Map<String, String> replacements) throws IOException {
    String site = Files.readString(NGINX_SITE);
    for (var replacement : replacements.entrySet()) {
      String original = replacement.getKey();
      assertThat(site.split(Pattern.quote(original), -1)).as(original).hasSize(2);
      site = site.replace(original, replacement.getValue());
    }
    return site;
  }

  private static Path nginxConfig(Path prefix, String site, boolean foreground) throws IOException {
    Files.writeString(prefix.resolve("site.conf"), site);
    Path logs = Files.createDirectories(prefix.resolve("logs"));
    String process =
        foreground
            ? "daemon off;\nworker_processes 1;\n"
                + ("root".equals(System.getProperty("user.name")) ? "user root;\n" : "")
            : "";
    return Files.writeString(
        prefix.resolve("nginx.conf"),
        """
        %2$s\
        error_log %1$s/error.log;
        pid %1$s/nginx.pid;
        events {}
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          include %3$s;
        }
        """
            .formatted(logs, process, prefix.resolve("site.conf")));
  }

  /** The text of the block that starts with {@code opening} (which ends in its brace). */
  private static String block(String config, String opening) {
    int start = config.indexOf(opening);
    assertThat(start).as(opening).isNotNegative();
    int depth = 0;
    for (int i = start; i < config.length(); i++) {
      char c = config.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return config.substring(start, i + 1);
      }
    }
    throw new AssertionError("unclosed block " + opening);
  }

  /** The arguments of a directive that occurs once, directly in {@code block}. */
  private static String directive(String block, String name) {
    Matcher matcher =
        Pattern.compile("(?m)^\\s*" + Pattern.quote(name) + "\\s+([^;]+);").matcher(block);
    assertThat(matcher.find()).as(name).isTrue();
    String arguments = matcher.group(1).strip();
    assertThat(matcher.find()).as(name + " twice").isFalse();
    return arguments;
  }

  private static long seconds(String nginxTime) {
    Matcher time = Pattern.compile("(\\d+)(s|m)?").matcher(nginxTime);
    assertThat(time.matches()).as(nginxTime).isTrue();
    long amount = Long.parseLong(time.group(1));
    return "m".equals(time.group(2)) ? amount * 60 : amount;
  }

  private static void awaitListening(Process nginx, int port, Path prefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!nginx.isAlive()) {
        throw new AssertionError(
            "nginx exited: " + Files.readString(prefix.resolve("logs/stdout.log")));
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("nginx did not listen on " + port);
  }

  private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int[] freePorts(int count) throws IOException {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          socket.close();
        }
      }
    }
  }

  // helpers: a throwaway certificate

  private record Pem(Path certificate, Path key) {}

  /**
   * A self-signed EC certificate for 127.0.0.1 and localhost, from the JDK's keytool (so no openssl
   * is needed), written as PEM files for nginx.
   */
  private static synchronized Pem selfSignedCertificate() throws Exception {
    if (certificate != null) {
      return certificate;
    }
    Path directory = shared;
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool), "the JDK has no keytool");
    Path store = directory.resolve("tls.p12");
    char[] password = "throwaway".toCharArray();
    Result generated =
        run(
            Map.of(),
            keytool.toString(),
            "-genkeypair",
            "-alias",
            "tls",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=ip:127.0.0.1,dns:localhost",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            store.toString(),
            "-storepass",
            new String(password));
    assertThat(generated.exitCode()).as(generated.output()).isZero();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(store)) {
      keyStore.load(in, password);
    }
    Certificate x509 = keyStore.getCertificate("tls");
    byte[] key = keyStore.getKey("tls", password).getEncoded();
    certificate =
        new Pem(
            Files.writeString(directory.resolve("tls.crt"), pem("CERTIFICATE", x509.getEncoded())),
            Files.writeString(directory.resolve("tls.key"), pem("PRIVATE KEY", key)));
    return certificate;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN %1$s-----\n%2$s\n-----END %1$s-----\n"
        .formatted(
            type,
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der));
  }

  private static SSLContext trusting(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (var in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry(
          "tls",
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  // helpers: processes

  private record Result(int exitCode, String output) {}

  private static Result run(Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
  }
}
