package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every surface ends a streamed answer that fails: before its first event, the failure
 * propagates to the error handlers and gets a real status; after it, the status is sent, so the
 * stream ends with one error event instead. A client that left is not told anything; a stream past
 * its time is told why it ends.
 */
public final class StreamFailures {
  private static final Logger LOG = LoggerFactory.getLogger(StreamFailures.class);

  private final Duration maxStream;

  public StreamFailures(HttpTimeouts timeouts) {
    this.maxStream = timeouts.stream();
  }

  /** Runs {@code relay}, which writes the model's answer to {@code stream}. */
  public void relay(ResponseStream stream, RequestId requestId, Runnable relay) {
    try {
      relay.run();
    } catch (ClientCancelled gone) {
      if (stream.overran()) {
        stream.sendError(streamTooLong());
        return;
      }
      LOG.debug("request {}: the client left during the stream", requestId);
    } catch (GatewayException failure) {
      if (!stream.started()) {
        throw failure;
      }
      LOG.debug("request {}: stream ended by {}", requestId, failure.kind());
      stream.sendError(ErrorReply.of(failure));
    } catch (RuntimeException failure) {
      if (!stream.started()) {
        throw failure;
      }
      LOG.error("request {}: stream failed unexpectedly", requestId, failure);
      stream.sendError(ErrorResponder.unexpectedReply());
    }
  }

  private ErrorReply streamTooLong() {
    return ErrorReply.of(
        504,
        "Stream too long",
        "The stream lasted longer than the gateway allows ("
            + maxStream.toSeconds()
            + " s, MAX_STREAM_SECONDS) and was ended.",
        ErrorReply.StreamErrorType.STREAM_ERROR);
  }
}
