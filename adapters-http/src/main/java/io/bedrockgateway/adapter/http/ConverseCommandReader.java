package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.request.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Collections;
import java.util.Optional;

/** Builds the use case's command from an HTTP request: body, key and request facts. */
final class ConverseCommandReader {
  private final JsonBodyReader bodyReader;
  private final ChatRequestMapper mapper;
  private final ClientAddressResolver clientAddresses;

  ConverseCommandReader(
      JsonBodyReader bodyReader, ChatRequestMapper mapper, ClientAddressResolver clientAddresses) {
    this.bodyReader = bodyReader;
    this.mapper = mapper;
    this.clientAddresses = clientAddresses;
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
    ConverseRequestJson body =
        bodyReader.read(
            ctx.bodyInputStream(), ctx.req().getContentLengthLong(), ConverseRequestJson.class);
    return new ConverseCommand(
        ApiKeyHeaders.from(ctx), mapper.toChatRequest(body), requestContext(ctx));
  }

  RequestContext requestContext(Context ctx) {
    RequestStamp stamp = RequestStamp.of(ctx);
    return new RequestContext(
        stamp.requestId(),
        stamp.receivedAt(),
        clientAddresses.resolve(
            ctx.req().getRemoteAddr(),
            Collections.list(ctx.req().getHeaders(Header.X_FORWARDED_FOR))),
        Optional.ofNullable(ctx.userAgent()));
  }
}
