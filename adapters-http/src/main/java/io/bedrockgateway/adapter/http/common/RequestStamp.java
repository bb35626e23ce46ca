package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** The id and arrival time given to a request before anything else looks at it. */
public record RequestStamp(RequestId requestId, Instant receivedAt) {
  private static final String ATTRIBUTE = RequestStamp.class.getName();

  public RequestStamp {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** Stamps the request and echoes the id, so even a 404 carries {@code X-Request-ID}. */
  public static void stamp(Context ctx, Clock clock) {
    RequestStamp stamp =
        new RequestStamp(
            RequestId.acceptOrGenerate(ctx.header(Header.X_REQUEST_ID)), clock.instant());
    ctx.attribute(ATTRIBUTE, stamp);
    ctx.header(Header.X_REQUEST_ID, stamp.requestId().value());
  }

  public static RequestStamp of(Context ctx) {
    RequestStamp stamp = ctx.attribute(ATTRIBUTE);
    if (stamp == null) {
      throw new IllegalStateException("the request was not stamped");
    }
    return stamp;
  }
}
