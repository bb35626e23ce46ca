package io.bedrockgateway.bootstrap.e2e;

import static io.bedrockgateway.bootstrap.e2e.ClientFixtures.assertLedgerCounts;
import static io.bedrockgateway.bootstrap.e2e.ClientFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.client.BedrockClientException;
import io.bedrockgateway.client.BedrockGatewayClient;
import io.bedrockgateway.client.BedrockService;
import io.bedrockgateway.client.ChatMessage;
import io.bedrockgateway.client.ChatOptions;
import io.bedrockgateway.client.ChatReply;
import io.bedrockgateway.client.Embedding;
import io.bedrockgateway.client.Embeddings;
import io.bedrockgateway.client.FailureCause;
import io.bedrockgateway.client.GeneratedImages;
import io.bedrockgateway.client.ImageOptions;
import io.bedrockgateway.client.Path;
import io.bedrockgateway.client.Route;
import io.bedrockgateway.client.RouteReason;
import io.bedrockgateway.client.StreamEvent;
import io.bedrockgateway.client.StreamResult;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.BedrockOperation;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatorSettings;
import io.bedrockgateway.emulator.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client library against a real gateway on the emulator, with a second emulator as "direct
 * Bedrock": which path each call takes, what the gateway's ledger sees, and what never goes direct.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRoutingEndToEndTest {
  private static final String KEY = "client-e2e-key-0123456789";
  private static final String LIMITED_KEY = "client-e2e-limited-0123456789";
  private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello there"));
  private static final byte[] PICTURE = "any bytes stand in for a PNG".getBytes();

  private BedrockEmulator behindGateway;
  private BedrockEmulator direct;
  private Gateway gateway;

  @BeforeAll
  void start() {
    behindGateway = BedrockEmulator.start(EmulatorSettings.onFreePort());
    direct = BedrockEmulator.start(EmulatorSettings.onFreePort());
    gateway =
        Gateway.start(
            TestGateways.config(
                behindGateway,
                Map.of(
                    "API_KEYS", KEY + "," + LIMITED_KEY,
                    "RATE_LIMIT_REQUESTS", "0",
                    "MAX_CONCURRENT_STREAMS", "0")));
  }

  @AfterAll
  void stop() {
    gateway.close();
    behindGateway.close();
    direct.close();
  }

  @BeforeEach
  void forget() {
    behindGateway.clearRecordedRequests();
    direct.clearRecordedRequests();
  }

  @Test
  void withTheGatewayUpEveryOperationGoesThroughItAndItsLedgerSeesEachCall() throws Exception {
    String key = "ledger-" + KEY;
    try (Gateway own = Gateway.start(TestGateways.config(behindGateway, Map.of("API_KEYS", key)));
        BedrockGatewayClient client = client(own.port(), key, direct).build()) {
      List<Route> routes = everyOperation(client.forRoutingKey("user-1"));

      assertThat(routes)
          .allSatisfy(
              route -> {
                assertThat(route.path()).isEqualTo(Path.GATEWAY);
                assertThat(route.reason()).isEqualTo(RouteReason.IN_GATEWAY_SHARE);
              });
      assertThat(direct.recordedRequests()).isEmpty();
      assertLedgerCounts(new SseClient(own.port()), key, routes.size());
    }
  }

  @Test
  void withTheGatewayStoppedEveryOperationGoesDirectWithTheSameAnswerShape() {
    String key = "stopped-" + KEY;
    Gateway own = Gateway.start(TestGateways.config(behindGateway, Map.of("API_KEYS", key)));
    ClientFixtures.Recorder recorder = new ClientFixtures.Recorder();
    try (BedrockGatewayClient client = client(own.port(), key, direct).listener(recorder).build()) {
      BedrockService service = client.forRoutingKey("user-2");
      ChatReply viaGateway = service.converse(null, HELLO, "Be brief.", ChatOptions.DEFAULTS);
      own.close();

      ChatReply viaDirect = service.converse(null, HELLO, "Be brief.", ChatOptions.DEFAULTS);

      assertThat(viaGateway.route().path()).isEqualTo(Path.GATEWAY);
      assertThat(viaDirect.route().path()).isEqualTo(Path.DIRECT);
      assertThat(viaDirect.route().reason()).isEqualTo(RouteReason.FALLBACK);
      assertThat(viaDirect.route().fallbackCause())
          .isIn(FailureCause.CONNECTION_REFUSED, FailureCause.CONNECTION_CLOSED);
      assertThat(viaDirect.text())
          .isEqualTo(viaGateway.text())
          .isEqualTo(EmulatedAnswer.text("Hello there", 24));
      assertThat(viaDirect.stopReason()).isEqualTo(viaGateway.stopReason());
      assertThat(viaDirect.usage()).isEqualTo(viaGateway.usage());
      assertThat(viaDirect.model()).isEqualTo(viaGateway.model());

      List<Route> routes = everyOperation(service);
      assertThat(routes).extracting(Route::path).containsOnly(Path.DIRECT);
      assertThat(direct.recordedRequests())
          .extracting(RecordedRequest::operation)
          .containsExactly(
              BedrockOperation.CONVERSE,
              BedrockOperation.CONVERSE_STREAM,
              BedrockOperation.CONVERSE,
              BedrockOperation.INVOKE,
              BedrockOperation.INVOKE,
              BedrockOperation.INVOKE,
              BedrockOperation.INVOKE,
              BedrockOperation.INVOKE);
      assertThat(recorder.fallbacks).hasSize(1 + routes.size());
    } finally {
      own.close();
    }
  }

  @Test
  void bothPathsAnswerEveryOperationInTheSameShape() {
    try (BedrockGatewayClient viaGateway = client(gateway.port(), KEY, direct).build();
        BedrockGatewayClient viaDirect =
            client(gateway.port(), KEY, direct).useGateway(false).build()) {
      BedrockService gatewayPath = viaGateway.forRoutingKey("user-3");
      BedrockService directPath = viaDirect.forRoutingKey("user-3");

      List<StreamEvent> gatewayEvents = new ArrayList<>();
      List<StreamEvent> directEvents = new ArrayList<>();
      StreamResult gatewayEnd =
          gatewayPath.converseStream(null, HELLO, null, ChatOptions.DEFAULTS, gatewayEvents::add);
      StreamResult directEnd =
          directPath.converseStream(null, HELLO, null, ChatOptions.DEFAULTS, directEvents::add);
      assertThat(withoutLatency(gatewayEvents)).isEqualTo(withoutLatency(directEvents));
      assertThat(gatewayEnd.usage()).isEqualTo(directEnd.usage());
      assertThat(gatewayEnd.route().path()).isEqualTo(Path.GATEWAY);
      assertThat(directEnd.route().reason()).isEqualTo(RouteReason.GATEWAY_OFF);

      ImageOptions two =
          ImageOptions.DEFAULTS
              .withModel("amazon.titan-image-generator-v1")
              .withSize(512, 512)
              .withNumberOfImages(2)
              .withSeed(7);
      assertThat(gatewayPath.generateImage("a lighthouse", two).imagesBase64())
          .isEqualTo(directPath.generateImage("a lighthouse", two).imagesBase64())
          .hasSize(2);
      assertThat(gatewayPath.createTextEmbedding("a quiet harbour").vector())
          .isEqualTo(directPath.createTextEmbedding("a quiet harbour").vector());
      List<String> texts = List.of("first", "second", "third");
      assertThat(gatewayPath.createTextEmbeddings(texts).vectors())
          .isEqualTo(directPath.createTextEmbeddings(texts).vectors())
          .hasSize(3);
      assertThat(gatewayPath.createImageEmbedding(PICTURE).vector())
          .isEqualTo(directPath.createImageEmbedding(PICTURE).vector());
    }
  }

  @Test
  void aRateLimitedCallIsTheCallersErrorWithItsRetryTimeAndNeverGoesDirect() {
    try (Gateway limited =
            Gateway.start(
                TestGateways.config(
                    behindGateway, Map.of("API_KEYS", LIMITED_KEY, "RATE_LIMIT_REQUESTS", "1")));
        BedrockGatewayClient client = client(limited.port(), LIMITED_KEY, direct).build()) {
      BedrockService service = client.forRoutingKey("user-4");
      service.converse(null, HELLO, null, ChatOptions.DEFAULTS);

      assertThatThrownBy(() -> service.converse(null, HELLO, null, ChatOptions.DEFAULTS))
          .isInstanceOfSatisfying(
              BedrockClientException.RateLimited.class,
              limitedCall -> {
                assertThat(limitedCall.path()).isEqualTo(Path.GATEWAY);
                assertThat(limitedCall.limit()).contains("requests");
                assertThat(limitedCall.retryAfter())
                    .hasValueSatisfying(
                        after ->
                            assertThat(after)
                                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
              });
      assertThatThrownBy(
              () -> service.converseStream(null, HELLO, null, ChatOptions.DEFAULTS, event -> {}))
          .isInstanceOf(BedrockClientException.RateLimited.class);
      assertThat(direct.recordedRequests()).isEmpty();
    }
  }

  @Test
  void aRefusedKeyIsTheCallersErrorAndNeverGoesDirect() {
    try (BedrockGatewayClient client =
        client(gateway.port(), "bgw_unknown_key_0123456789", direct).build()) {
      assertThatThrownBy(
              () ->
                  client.forRoutingKey("user-5").converse(null, HELLO, null, ChatOptions.DEFAULTS))
          .isInstanceOfSatisfying(
              BedrockClientException.Refused.class,
              refused -> assertThat(refused.status()).isEqualTo(401));
      assertThat(direct.recordedRequests()).isEmpty();
    }
  }

  @Test
  void thirtyPercentSendsAboutThirtyPercentOfKeysEachAlwaysTheSameWay() throws Exception {
    String key = "split-" + KEY;
    try (Gateway own =
            Gateway.start(
                TestGateways.config(
                    behindGateway, Map.of("API_KEYS", key, "RATE_LIMIT_REQUESTS", "0")));
        BedrockGatewayClient first = client(own.port(), key, direct).trafficPercentage(30).build();
        BedrockGatewayClient second =
            client(own.port(), key, direct).trafficPercentage(30).build()) {
      Map<String, Path> decided = new HashMap<>();
      for (int user = 0; user < 1000; user++) {
        decided.put("user-" + user, first.route("user-" + user).path());
      }
      assertThat(decided.values().stream().filter(Path.GATEWAY::equals).count())
          .isBetween(260L, 340L);
      decided.forEach(
          (routingKey, path) ->
              assertThat(second.route(routingKey).path()).as(routingKey).isEqualTo(path));

      // real calls for the first 100 keys, from both instances: each on its key's path, and the
      // gateway's ledger counts exactly those that went to the gateway
      long viaGateway = 0;
      for (int user = 0; user < 100; user++) {
        String routingKey = "user-" + user;
        for (BedrockGatewayClient client : List.of(first, second)) {
          Path path = client.forRoutingKey(routingKey).createTextEmbedding("hi").route().path();
          assertThat(path).as(routingKey).isEqualTo(decided.get(routingKey));
          viaGateway += path == Path.GATEWAY ? 1 : 0;
        }
      }
      assertThat(viaGateway).isBetween(2L * 10, 2L * 60);
      assertThat(direct.recordedRequests()).hasSize(200 - (int) viaGateway);
      assertLedgerCounts(new SseClient(own.port()), key, viaGateway);
    }
  }

  /** Every operation once, through {@code service}; the routes they took. */
  private static List<Route> everyOperation(BedrockService service) {
    List<StreamEvent> events = new ArrayList<>();
    StreamResult stream =
        service.converseStream(null, HELLO, "Be brief.", ChatOptions.DEFAULTS, events::add);
    assertThat(events.getFirst()).isEqualTo(new StreamEvent.MessageStart("assistant"));
    assertThat(stream.stopReason()).isEqualTo("end_turn");
    ChatReply reply = service.converse(null, HELLO, "Be brief.", ChatOptions.DEFAULTS);
    assertThat(reply.text()).isEqualTo(EmulatedAnswer.text("Hello there", 24));
    GeneratedImages images = service.generateImage("a lighthouse at dusk");
    assertThat(images.png()).startsWith(0x89, 'P', 'N', 'G');
    Embedding text = service.createTextEmbedding("a quiet harbour");
    assertThat(text.vector()).hasSize(1024);
    Embeddings batch = service.createTextEmbeddings(List.of("one", "two"));
    assertThat(batch.vectors()).hasSize(2);
    Embedding image = service.createImageEmbedding(PICTURE);
    assertThat(image.vector()).isNotEmpty();
    return List.of(
        stream.route(), reply.route(), images.route(), text.route(), batch.route(), image.route());
  }

  private static List<StreamEvent> withoutLatency(List<StreamEvent> events) {
    return events.stream()
        .map(
            event ->
                event instanceof StreamEvent.Metadata metadata
                    ? new StreamEvent.Metadata(metadata.usage(), 0)
                    : event)
        .toList();
  }
}
