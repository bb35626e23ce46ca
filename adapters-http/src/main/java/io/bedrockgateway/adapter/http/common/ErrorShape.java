package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.request.RequestId;
import io.javalin.http.Context;

/**
 * How one API surface words a failure that ends a request before its answer began: the body (and
 * any headers of its own) in the shape that surface's clients parse. The status, {@code
 * Retry-After} and rate-limit headers are set before, the same for every surface.
 */
@FunctionalInterface
public interface ErrorShape {
  public void write(Context ctx, ErrorReply reply, RequestId requestId);
}
