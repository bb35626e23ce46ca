package io.bedrockgateway.emulator;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes restJson1 error responses, the way Bedrock reports every error before a stream starts. */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void write(BedrockServiceException exception, Context ctx) {
    ServiceError error = exception.error();
    if (ctx.res().isCommitted()) {
      // An event stream has started: an error response can no longer be written.
      LOG.debug("Dropped {} after the response started: {}", error, exception.getMessage());
      return;
    }
    ctx.status(error.status());
    ctx.header("x-amzn-ErrorType", error.errorTypeHeader());
    ctx.contentType("application/json");
    ctx.result(WireJson.write(Map.of("message", exception.getMessage())));
  }

  static void writeUnknownOperation(EndpointNotFound notFound, Context ctx) {
    write(new BedrockServiceException(ServiceError.UNKNOWN_OPERATION), ctx);
  }

  /** A request the HTTP framework refused, e.g. a body over the size limit. */
  static void writeRejected(HttpResponseException rejection, Context ctx) {
    write(BedrockServiceException.validation(rejection.getMessage()), ctx);
  }

  static void writeUnexpected(Exception exception, Context ctx) {
    LOG.warn("Unexpected failure serving {} {}", ctx.method(), ctx.path(), exception);
    write(new BedrockServiceException(ServiceError.INTERNAL_SERVER), ctx);
  }
}
