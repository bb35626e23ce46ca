package io.bedrockgateway.adapter.http.common;

/**
 * What one request and the whole instance may hold.
 *
 * @param maxRequestBytes the largest single request body; larger ones get 413
 * @param maxBodyBytesInFlight request body bytes all requests together may hold while they are
 *     read; past it a request gets 503 with {@code Retry-After}, so many large bodies at once
 *     cannot exhaust the heap
 * @param maxConnections open connections per listener; past it new ones wait in the accept backlog
 */
public record HttpLimits(long maxRequestBytes, long maxBodyBytesInFlight, int maxConnections) {
  public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
  public static final long DEFAULT_MAX_BODY_BYTES_IN_FLIGHT = 256L * 1024 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  public static final HttpLimits DEFAULTS =
      new HttpLimits(
          DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_BODY_BYTES_IN_FLIGHT, DEFAULT_MAX_CONNECTIONS);

  public HttpLimits {
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException(
          "maxRequestBytes must be positive, was " + maxRequestBytes);
    }
    if (maxBodyBytesInFlight < maxRequestBytes) {
      throw new IllegalArgumentException(
          "maxBodyBytesInFlight must be at least maxRequestBytes ("
              + maxRequestBytes
              + "), was "
              + maxBodyBytesInFlight);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive, was " + maxConnections);
    }
  }

  public HttpLimits withMaxRequestBytes(long bytes) {
    return new HttpLimits(bytes, Math.max(bytes, maxBodyBytesInFlight), maxConnections);
  }
}
