package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Every route that reads a JSON body, by the group of bodies it reads: the model routes under both
 * prefixes, called with a valid API key, and the admin routes, called with the admin token.
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

  /**
   * The problem an error body names: {@code detail} of the native and admin shape, {@code
   * error.message} of OpenAI's.
   */
  static String detail(JsonNode body) {
    return body.path("error").isObject()
        ? body.path("error").path("message").asText()
        : body.path("detail").asText();
  }

  /** The short error of the native shape, the error type of OpenAI's. */
  static String error(JsonNode body) {
    return body.path("error").isObject()
        ? body.path("error").path("type").asText()
        : body.path("error").asText();
  }

  /** The request id an error body carries: a field of its own, or in OpenAI's message. */
  static String requestId(JsonNode body) {
    if (body.path("error").isObject()) {
      java.util.regex.Matcher id =
          java.util.regex.Pattern.compile("\\(request ([^)]+)\\)$")
              .matcher(body.path("error").path("message").asText());
      return id.find() ? id.group(1) : "";
    }
    return body.path("request_id").asText();
  }

  /** The routes of {@code groups}. */
  static List<Route> of(String... groups) {
    List<String> wanted = List.of(groups);
    return ALL.stream().filter(route -> wanted.contains(route.group())).toList();
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
