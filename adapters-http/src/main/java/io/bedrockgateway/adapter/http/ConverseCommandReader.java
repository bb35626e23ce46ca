package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.request.RequestContext;
import io.javalin.http.Context;
import java.util.Optional;

/** Builds the use case's command from an HTTP request: body, key and request facts. */
final class ConverseCommandReader {
  private final JsonBodyReader bodyReader;
  private final ChatRequestMapper mapper;
  private final RequestFacts facts;

  ConverseCommandReader(JsonBodyReader bodyReader, ChatRequestMapper mapper, RequestFacts facts) {
    this.bodyReader = bodyReader;
    this.mapper = mapper;
    this.facts = facts;
  }

  /** The key the request carries, if it carries one that can be a key. */
  static Optional<ApiKeySecret> keyIfAny(Context ctx) {
    try {
      return ApiKeyHeaders.from(ctx);
    } catch (Unauthorized malformed) {
      return Optional.empty();
    }
  }

  ConverseCommand read(Context ctx) {
    ConverseRequestJson body = bodyReader.read(ctx, ConverseRequestJson.class);
    return new ConverseCommand(
        ApiKeyHeaders.from(ctx), mapper.toChatRequest(body), requestContext(ctx));
  }

  RequestContext requestContext(Context ctx) {
    return facts.context(ctx);
  }
}
