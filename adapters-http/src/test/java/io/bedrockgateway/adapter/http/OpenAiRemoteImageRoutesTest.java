package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.MediaHosts;
import io.bedrockgateway.domain.media.MediaUrl;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Images by URL on the OpenAI surface, for an operator who allowed {@code images.example.com}: an
 * allowed URL reaches the converse use case as an image to fetch (which it fetches once the request
 * is admitted); any other is refused at the edge with a 400 naming the field, and the use case is
 * never called; a fetch the use case refuses is a 400 in OpenAI's shape.
 */
class OpenAiRemoteImageRoutesTest {
  private static final String CAT = "https://images.example.com/cat.png";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            new RemoteMediaPolicy(MediaHosts.of(List.of("images.example.com")), false, 20));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.converse.forgetCalls();
    server.converse.answers(
        () -> FakeConverseUseCase.answer(StopReason.END_TURN, new TextBlock("A cat")));
  }

  private static HttpResponse<String> post(String path, String body, String key) {
    var request = server.post(path, body);
    return server.send(key == null ? request : request.header("Authorization", "Bearer " + key));
  }

  private static String chatWithImage(String url) {
    return "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":["
        + "{\"type\":\"text\",\"text\":\"What is this?\"},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\""
        + url
        + "\",\"detail\":\"auto\"}}]}]}";
  }

  @Test
  void anAllowedUrlReachesTheUseCaseAsAnImageToFetch() {
    HttpResponse<String> response =
        post("/v1/chat/completions", chatWithImage(CAT), TestServer.KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(server.converse.lastCommand().request().messages().getFirst().content())
        .containsExactly(new TextBlock("What is this?"), new RemoteImageBlock(MediaUrl.parse(CAT)));
  }

  @Test
  void anAllowedUrlOfAResponsesInputImageToo() {
    HttpResponse<String> response =
        post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"input_image\",\"image_url\":\""
                + CAT
                + "\"}]}]}",
            TestServer.KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(server.converse.lastCommand().request().messages().getFirst().content())
        .containsExactly(new RemoteImageBlock(MediaUrl.parse(CAT)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://elsewhere.example.com/cat.png | REMOTE_MEDIA_HOSTS",
        "https://images.example.com.evil.net/cat.png | REMOTE_MEDIA_HOSTS",
        "https://images.example.com:8443/cat.png | images.example.com:8443",
        "http://images.example.com/cat.png | https:// only",
        "http://169.254.169.254/latest/meta-data | https:// only",
        "ftp://images.example.com/cat.png | must be an https:// URL",
        "https://user:pw@images.example.com/cat.png | credentials"
      })
  void anyOtherUrlIsA400NamingTheFieldAndNothingIsCalled(String url, String reason) {
    HttpResponse<String> response =
        post("/v1/chat/completions", chatWithImage(url), TestServer.KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TestServer.json(response.body()).path("error");
    assertThat(error.path("param").asText()).isEqualTo("messages[0].content[1].image_url.url");
    assertThat(error.path("message").asText()).contains(reason);
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void aResponsesInputImageOfAnotherHostIsA400NamingItsField() {
    HttpResponse<String> response =
        post(
            "/v1/responses",
            "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"input_image\",\"image_url\":\"https://elsewhere.example.com/a.png\"}]}]}",
            TestServer.KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(TestServer.json(response.body()).path("error").path("param").asText())
        .isEqualTo("input[0].content[0].image_url");
    assertThat(server.converse.called()).isFalse();
  }

  @Test
  void withoutAValidKeyNothingIsRead() {
    HttpResponse<String> response = post("/v1/chat/completions", chatWithImage(CAT), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(server.converse.called()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "the image is larger than the 3750000 bytes the gateway fetches (REMOTE_MEDIA_MAX_BYTES)",
        "the bytes at this URL are not a PNG, JPEG, GIF or WebP image",
        "the image did not arrive within 5000 ms (REMOTE_MEDIA_TIMEOUT_MS)",
        "the host could not be reached"
      })
  void aFetchTheUseCaseRefusesIsA400InOpenAisShape(String reason) {
    server.converse.failsWith(new InvalidRequest("image " + CAT + ": " + reason));

    HttpResponse<String> response =
        post("/v1/chat/completions", chatWithImage(CAT), TestServer.KEY);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = TestServer.json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asText()).contains(CAT, reason);
  }
}
