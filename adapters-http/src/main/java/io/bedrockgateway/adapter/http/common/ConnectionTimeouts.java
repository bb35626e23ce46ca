package io.bedrockgateway.adapter.http.common;

import io.javalin.http.Context;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Sets how long the connection of a request may stay silent in each phase: short while its body is
 * read, long while a model answers (a model may think for minutes between two events), and back to
 * the keep-alive idle timeout when the exchange is over.
 */
public final class ConnectionTimeouts {
  private ConnectionTimeouts() {}

  public static void silenceAllowed(Context ctx, Duration idle) {
    ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
    if (request != null) {
      EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      endPoint.setIdleTimeout(idle.toMillis());
    }
  }
}
