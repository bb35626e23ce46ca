package io.bedrockgateway.adapter.http.nativeapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorShape;
import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;

/**
 * The native API's error body, {@code {"error","detail","request_id","retry_after","limit"}}, as
 * clients of the earlier gateway parse it; the admin API answers in it too.
 */
public final class NativeErrors implements ErrorShape {
  record ErrorBody(
      String error,
      String detail,
      @JsonProperty("request_id") String requestId,
      @JsonProperty("retry_after") Long retryAfter,
      String limit) {}

  @Override
  public void write(Context ctx, ErrorReply reply, RequestId requestId) {
    ctx.json(
        new ErrorBody(
            reply.error(),
            reply.detail(),
            requestId.value(),
            reply.retryAfterSeconds().orElse(null),
            reply.limit().orElse(null)));
  }
}
