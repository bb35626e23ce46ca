package io.bedrockgateway.adapter.http;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.request.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Collections;
import java.util.Optional;

/** What every request says besides its body: its id and arrival, the caller's address and agent. */
final class RequestFacts {
  private final ClientAddressResolver clientAddresses;

  RequestFacts(ClientAddressResolver clientAddresses) {
    this.clientAddresses = clientAddresses;
  }

  RequestContext context(Context ctx) {
    RequestStamp stamp = RequestStamp.of(ctx);
    return new RequestContext(
        stamp.requestId(),
        stamp.receivedAt(),
        clientAddresses.resolve(
            ctx.req().getRemoteAddr(),
            Collections.list(ctx.req().getHeaders(Header.X_FORWARDED_FOR))),
        Optional.ofNullable(ctx.userAgent()));
  }

  /** The optional {@code model_id} of a body. */
  static Optional<ModelId> model(String modelId) {
    return Optional.ofNullable(modelId)
        .map(id -> ContentBlockReader.at("model_id", () -> new ModelId(id)));
  }
}
