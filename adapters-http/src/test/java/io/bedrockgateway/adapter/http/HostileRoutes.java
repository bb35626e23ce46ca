package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route that reads a JSON body, by the group of bodies it reads: the native model routes
 * under both prefixes, the Bedrock-native and Anthropic surfaces' routes, called with a valid API
 * key, and the admin routes, called with the admin token.
 */
final class HostileRoutes {
  static final String CONVERSE = "converse";
  static final String EMBED_TEXT = "embed-text";
  static final String EMBED_BATCH = "embed-batch";
  static final String EMBED_IMAGE = "embed-image";
  static final String IMAGES = "images";
  static final String OPENAI_CHAT = "openai-chat";
  static final String OPENAI_RESPONSES = "openai-responses";
  static final String OPENAI_EMBEDDINGS = "openai-embeddings";
  static final String OPENAI_IMAGES = "openai-images";
  static final String ADMIN_CREATE = "admin-create";
  static final String ADMIN_UPDATE = "admin-update";
  static final String ADMIN_ROTATE = "admin-rotate";
  static final String BEDROCK_CONVERSE = "bedrock-converse";
  static final String BEDROCK_INVOKE = "bedrock-invoke";
  static final String BEDROCK_COUNT = "bedrock-count-tokens";
  static final String ANTHROPIC_MESSAGES = "anthropic-messages";
  static final String ANTHROPIC_COUNT = "anthropic-count-tokens";

  /** One route: its body group, method and path. */
  record Route(String group, String method, String path) {
    boolean admin() {
      return path.startsWith("/admin/");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final List<Route> ALL = routes();

  private HostileRoutes() {}

  private static List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (String prefix : List.of("/api/v1", "/api/v1/bedrock")) {
      routes.add(new Route(CONVERSE, "POST", prefix + "/converse"));
      routes.add(new Route(CONVERSE, "POST", prefix + "/converse-stream"));
      routes.add(new Route(EMBED_TEXT, "POST", prefix + "/embeddings/text"));
      routes.add(new Route(EMBED_BATCH, "POST", prefix + "/embeddings/text/batch"));
      routes.add(new Route(EMBED_IMAGE, "POST", prefix + "/embeddings/image"));
      routes.add(new Route(IMAGES, "POST", prefix + "/images/generate"));
    }
    String model = "/bedrock/model/anthropic.claude-test%3A0";
    routes.add(new Route(BEDROCK_CONVERSE, "POST", model + "/converse"));
    routes.add(new Route(BEDROCK_CONVERSE, "POST", model + "/converse-stream"));
    routes.add(new Route(BEDROCK_INVOKE, "POST", model + "/invoke"));
    routes.add(new Route(BEDROCK_INVOKE, "POST", model + "/invoke-with-response-stream"));
    routes.add(new Route(BEDROCK_COUNT, "POST", model + "/count-tokens"));
    routes.add(new Route(ANTHROPIC_MESSAGES, "POST", "/v1/messages"));
    routes.add(new Route(ANTHROPIC_COUNT, "POST", "/v1/messages/count_tokens"));
    routes.add(new Route(OPENAI_CHAT, "POST", "/v1/chat/completions"));
    routes.add(new Route(OPENAI_RESPONSES, "POST", "/v1/responses"));
    routes.add(new Route(OPENAI_EMBEDDINGS, "POST", "/v1/embeddings"));
    routes.add(new Route(OPENAI_IMAGES, "POST", "/v1/images/generations"));
    String key = "/admin/v1/keys/" + FakeManageKeysUseCase.KNOWN.value();
    routes.add(new Route(ADMIN_CREATE, "POST", "/admin/v1/keys"));
    routes.add(new Route(ADMIN_UPDATE, "PATCH", key));
    routes.add(new Route(ADMIN_ROTATE, "POST", key + "/rotate"));
    return List.copyOf(routes);
  }

  /** The routes of {@code groups}. */
  static List<Route> of(String... groups) {
    List<String> wanted = List.of(groups);
    return ALL.stream().filter(route -> wanted.contains(route.group())).toList();
  }

  /**
   * What a refusal says, in the error shape of the surface it came from: the native API's {@code
   * detail}, Bedrock's {@code message}, Anthropic's and OpenAI's {@code error.message}.
   */
  static String detail(HttpResponse<String> response) {
    JsonNode body = TestServer.json(response.body());
    String path = response.request().uri().getPath();
    if (path.startsWith("/bedrock/")) {
      return body.path("message").asText();
    }
    if (body.path("error").isObject()) {
      return body.path("error").path("message").asText();
    }
    return body.path("detail").asText();
  }

  /** The short error of a refusal: its code or type in the surface's shape. */
  static String error(HttpResponse<String> response) {
    JsonNode body = TestServer.json(response.body());
    String path = response.request().uri().getPath();
    if (path.startsWith("/bedrock/")) {
      return response.headers().firstValue("x-amzn-ErrorType").orElse("");
    }
    if (body.path("error").isObject()) {
      return body.path("error").path("type").asText();
    }
    return body.path("error").asText();
  }

  static HttpResponse<String> send(TestServer server, Route route, byte[] body) {
    HttpRequest.Builder request =
        (route.admin() ? server.adminRequest(route.path()) : server.request(route.path()))
            .header("Content-Type", "application/json")
            .method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body));
    if (route.admin()) {
      server.asAdmin(request);
    } else {
      request.header("X-API-Key", TestServer.KEY);
    }
    return server.send(request);
  }
}
