package io.bedrockgateway.client;

import java.time.Duration;
import java.util.Optional;

/**
 * Every failure a {@link BedrockService} reports, by kind. {@link #path()} says which path failed.
 * Only an {@link Unavailable} of the gateway (before the first byte of an answer) is ever retried
 * on the direct path; every other failure surfaces as it is.
 */
public abstract sealed class BedrockClientException extends RuntimeException {
  private final Path path;

  private BedrockClientException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }

  /**
   * A 4xx other than 429: the request, the key or the model was refused (the gateway's policy or
   * Bedrock's validation). {@code error} is the gateway's short error (or Bedrock's error type).
   */
  public static final class Refused extends BedrockClientException {
    private final int status;
    private final String error;

    public Refused(Path path, int status, String error, String detail) {
      super(path, status + " " + error + (detail == null ? "" : ": " + detail), null);
      this.status = status;
      this.error = error;
    }

    public int status() {
      return status;
    }

    public String error() {
      return error;
    }
  }

  /**
   * 429: a limit of the gateway key (or Bedrock's throttling). {@link #retryAfter()} says when to
   * try again, when the answer said; {@link #limit()} names the gateway limit that was hit.
   */
  public static final class RateLimited extends BedrockClientException {
    private final Duration retryAfter;
    private final String limit;

    public RateLimited(Path path, Duration retryAfter, String limit, String detail) {
      super(
          path,
          "rate limited"
              + (limit == null ? "" : " (" + limit + ")")
              + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s")
              + (detail == null ? "" : ": " + detail),
          null);
      this.retryAfter = retryAfter;
      this.limit = limit;
    }

    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }

    public Optional<String> limit() {
      return Optional.ofNullable(limit);
    }
  }

  /**
   * The path could not answer at all, before the first byte of an answer: for the gateway, one of
   * the {@link FailureCause}s a call may fall back on.
   */
  public static final class Unavailable extends BedrockClientException {
    private final FailureCause failureCause;

    public Unavailable(Path path, FailureCause failureCause, String detail, Throwable cause) {
      super(path, failureCause + (detail == null ? "" : ": " + detail), cause);
      this.failureCause = failureCause;
    }

    public FailureCause failureCause() {
      return failureCause;
    }
  }

  /** Any other failure before an answer began: a 500, a model error, an unreadable answer. */
  public static final class Failed extends BedrockClientException {
    private final int status;

    public Failed(Path path, int status, String detail, Throwable cause) {
      super(path, (status == 0 ? "" : status + " ") + detail, cause);
      this.status = status;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
      return status;
    }
  }

  /**
   * A stream failed after it began: an error event, or the connection broke. The events already
   * delivered stand; the call is never run again on the other path. {@code connectionLost} tells a
   * broken connection (the gateway's fault) from an error the model reported.
   */
  public static final class StreamInterrupted extends BedrockClientException {
    private final String type;
    private final boolean connectionLost;

    public StreamInterrupted(
        Path path, String type, String detail, boolean connectionLost, Throwable cause) {
      super(path, "stream interrupted (" + type + "): " + detail, cause);
      this.type = type;
      this.connectionLost = connectionLost;
    }

    /** The error event's {@code type} (e.g. {@code stream_error}), or {@code connection_lost}. */
    public String type() {
      return type;
    }

    public boolean connectionLost() {
      return connectionLost;
    }
  }
}
