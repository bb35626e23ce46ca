package io.bedrockgateway.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseInputContent;
import com.openai.models.responses.ResponseInputImage;
import com.openai.models.responses.ResponseInputItem;
import com.sun.net.httpserver.HttpServer;
import io.bedrockgateway.bootstrap.Gateway;
import io.bedrockgateway.emulator.BedrockOperation;
import io.bedrockgateway.emulator.RecordedRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAI Java SDK sends images by URL to a whole gateway whose operator allowed one image host
 * (a real HTTP server on the loopback interface): the gateway fetches each once the key and limits
 * let the request in, and Bedrock (the emulator) receives the image's bytes; what it may not fetch,
 * or cannot, is a 400 the SDK raises as {@link BadRequestException}.
 */
class RemoteImagesEndToEndTest {
  private static final String KEY = "remote-images-key-0123456789";
  private static final int MAX_BYTES = 4_096;
  private static final byte[] PNG_SIGNATURE = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static final AtomicInteger IMAGES = new AtomicInteger();

  @TempDir static Path config;
  private static final CountDownLatch released = new CountDownLatch(1);
  private static HttpServer images;
  private static HttpServer elsewhere;
  private static Gateway gateway;
  private static OpenAIClient openAi;

  @BeforeAll
  static void start() throws IOException {
    images = server();
    elsewhere = server();
    gateway =
        TestGateways.start(
            Map.of(
                "API_KEYS",
                KEY,
                "GATEWAY_CONFIG",
                OpenAiGateway.catalogue(config),
                "REMOTE_MEDIA_HOSTS",
                "127.0.0.1:" + images.getAddress().getPort(),
                // the test's image host speaks plain HTTP; production allows https:// only
                "REMOTE_MEDIA_ALLOW_HTTP",
                "true",
                "REMOTE_MEDIA_MAX_BYTES",
                String.valueOf(MAX_BYTES),
                "REMOTE_MEDIA_TIMEOUT_MS",
                "1000"));
    openAi = OpenAiSdkEndToEndTest.client(gateway, KEY);
  }

  @AfterAll
  static void stop() {
    openAi.close();
    gateway.close();
    released.countDown();
    images.stop(0);
    elsewhere.stop(0);
  }

  private static HttpServer server() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  /** Serves {@code body} as {@code contentType} on {@code server}; its URL. */
  private static String serve(HttpServer server, String contentType, byte[] body) {
    String path = "/image-" + IMAGES.incrementAndGet();
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", contentType);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A PNG's first bytes and a tail no other test sends, so that its bytes can be found again. */
  private static byte[] png(int size) {
    byte[] image = Arrays.copyOf(PNG_SIGNATURE, size);
    byte[] tail = ("unique-" + IMAGES.incrementAndGet()).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tail, 0, image, size - tail.length, tail.length);
    return image;
  }

  private static ChatCompletionCreateParams chat(String url) {
    return OpenAiSdkEndToEndTest.withImage(url);
  }

  /** The Converse calls the emulator received that carry {@code image} as a PNG. */
  private static List<RecordedRequest> receivedWith(byte[] image) {
    String encoded = Base64.getEncoder().encodeToString(image);
    return TestGateways.emulator().recordedRequests().stream()
        .filter(
            request ->
                request.operation() == BedrockOperation.CONVERSE
                    || request.operation() == BedrockOperation.CONVERSE_STREAM)
        .filter(request -> request.body().contains(encoded))
        .filter(request -> request.body().contains("\"format\":\"png\""))
        .toList();
  }

  @Test
  void anImageOfAnAllowedHostReachesTheModelAsItsBytes() {
    byte[] image = png(1_000);

    ChatCompletion completion =
        openAi.chat().completions().create(chat(serve(images, "image/png", image)));

    assertThat(completion.choices().getFirst().message().content().orElseThrow()).isNotBlank();
    assertThat(receivedWith(image)).hasSize(1);
  }

  @Test
  void aStreamedChatTakesAnImageByUrlToo() {
    byte[] image = png(2_000);
    List<ChatCompletionChunk> chunks = new ArrayList<>();

    try (StreamResponse<ChatCompletionChunk> stream =
        openAi.chat().completions().createStreaming(chat(serve(images, "image/png", image)))) {
      stream.stream().forEach(chunks::add);
    }

    assertThat(chunks).isNotEmpty();
    assertThat(receivedWith(image)).hasSize(1);
  }

  @Test
  void aResponsesInputImageByUrlReachesTheModel() {
    byte[] image = png(1_500);
    ResponseInputItem question =
        ResponseInputItem.ofEasyInputMessage(
            EasyInputMessage.builder()
                .role(EasyInputMessage.Role.USER)
                .contentOfResponseInputMessageContentList(
                    List.of(
                        ResponseInputContent.ofInputImage(
                            ResponseInputImage.builder()
                                .imageUrl(serve(images, "image/png", image))
                                .detail(ResponseInputImage.Detail.AUTO)
                                .build())))
                .build());

    Response response =
        openAi
            .responses()
            .create(
                ResponseCreateParams.builder()
                    .model("gpt-4o")
                    .inputOfResponse(List.of(question))
                    .build());

    assertThat(response.output()).isNotEmpty();
    assertThat(receivedWith(image)).hasSize(1);
  }

  @Test
  void aHostTheOperatorDidNotAllowIsNeverAsked() {
    AtomicInteger asked = new AtomicInteger();
    elsewhere.createContext(
        "/secret",
        exchange -> {
          asked.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    String url = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/secret";

    assertThatThrownBy(() -> openAi.chat().completions().create(chat(url)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            refused -> {
              assertThat(refused.param()).contains("messages[0].content[1].image_url.url");
              assertThat(refused.getMessage()).contains("REMOTE_MEDIA_HOSTS");
            });
    assertThat(asked).hasValue(0);
  }

  @Test
  void anImageLargerThanTheLimitIsRefused() {
    String url = serve(images, "image/png", png(MAX_BYTES + 1));

    assertThatThrownBy(() -> openAi.chat().completions().create(chat(url)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            refused ->
                assertThat(refused.getMessage())
                    .contains(url, "larger than the " + MAX_BYTES + " bytes"));
  }

  @Test
  void bytesThatAreNoImageAreRefusedWhateverTheirDeclaredType() {
    byte[] page = "<!doctype html><title>Sign in</title>".getBytes(StandardCharsets.UTF_8);
    String url = serve(images, "image/png", page);

    assertThatThrownBy(() -> openAi.chat().completions().create(chat(url)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            refused ->
                assertThat(refused.getMessage()).contains(url, "not a PNG, JPEG, GIF or WebP"));
  }

  @Test
  void anImageThatDoesNotArriveInTimeIsRefused() {
    images.createContext(
        "/slow",
        exchange -> {
          try {
            released.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    String url = "http://127.0.0.1:" + images.getAddress().getPort() + "/slow";

    assertThatThrownBy(() -> openAi.chat().completions().create(chat(url)))
        .isInstanceOfSatisfying(
            BadRequestException.class,
            refused -> assertThat(refused.getMessage()).contains(url, "did not arrive within"));
  }
}
