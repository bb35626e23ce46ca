package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.request.RequestContext;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Collections;
import java.util.Optional;

/**
 * What every request says besides its body: its id and arrival, the caller's address and agent, the
 * surface it came through and the client's session label.
 */
public final class RequestFacts {
  /** Claude Code's session of a request, recorded on its usage. */
  public static final String SESSION_ID = "x-claude-code-session-id";

  private final ClientAddressResolver clientAddresses;

  public RequestFacts(ClientAddressResolver clientAddresses) {
    this.clientAddresses = clientAddresses;
  }

  public RequestContext context(Context ctx) {
    RequestStamp stamp = RequestStamp.of(ctx);
    return new RequestContext(
        stamp.requestId(),
        stamp.receivedAt(),
        clientAddresses.resolve(
            ctx.req().getRemoteAddr(),
            Collections.list(ctx.req().getHeaders(Header.X_FORWARDED_FOR))),
        Optional.ofNullable(ctx.userAgent()),
        SurfaceMark.surface(ctx),
        Optional.empty(),
        label(ctx.header(SESSION_ID)));
  }

  /**
   * A client label as recorded (a session header, OpenAI's {@code user}): blank is none, and one
   * past its bounds is cut, never refused.
   */
  public static Optional<String> label(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String clean = value.strip().replaceAll("\\p{Cntrl}", "");
    return clean.isEmpty()
        ? Optional.empty()
        : Optional.of(
            clean.length() > RequestContext.MAX_LABEL_LENGTH
                ? clean.substring(0, RequestContext.MAX_LABEL_LENGTH)
                : clean);
  }

  /** The optional {@code model_id} of a body. */
  public static Optional<ModelId> model(String modelId) {
    return Optional.ofNullable(modelId).map(id -> FieldPath.at("model_id", () -> new ModelId(id)));
  }
}
