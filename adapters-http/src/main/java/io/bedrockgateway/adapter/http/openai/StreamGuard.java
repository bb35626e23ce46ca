package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.adapter.http.common.ErrorReply;
import io.bedrockgateway.adapter.http.common.ErrorResponder;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.request.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stream so that it never ends silently: a failure before the first event propagates to the
 * error handlers and gets a real status; after it, the status is sent, so the stream ends with one
 * error event in the surface's shape instead.
 */
final class StreamGuard {
  private static final Logger LOG = LoggerFactory.getLogger(StreamGuard.class);

  /** A stream of this surface: whether it began, and its last, error, event. */
  interface Events {
    boolean started();

    boolean overran();

    void sendError(ErrorReply reply);
  }

  private final HttpTimeouts timeouts;

  StreamGuard(HttpTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  void run(RequestId requestId, Events events, Runnable stream) {
    try {
      stream.run();
    } catch (ClientCancelled gone) {
      if (events.overran()) {
        events.sendError(
            ErrorReply.of(
                504,
                "Stream too long",
                "The stream lasted longer than the gateway allows ("
                    + timeouts.stream().toSeconds()
                    + " s, MAX_STREAM_SECONDS) and was ended.",
                ErrorReply.StreamErrorType.STREAM_ERROR));
        return;
      }
      LOG.debug("request {}: the client left during the stream", requestId);
    } catch (GatewayException failure) {
      if (!events.started()) {
        throw failure;
      }
      LOG.debug("request {}: stream ended by {}", requestId, failure.kind());
      events.sendError(ErrorReply.of(failure));
    } catch (RuntimeException failure) {
      if (!events.started()) {
        throw failure;
      }
      LOG.error("request {}: stream failed unexpectedly", requestId, failure);
      events.sendError(ErrorResponder.unexpectedReply());
    }
  }
}
