package io.bedrockgateway.application.port.out;

/**
 * How often the limits were decided without the shared quota counter: the requests the failure mode
 * ({@code RATE_LIMIT_FAILURE_MODE}) answered because the shared counter was unavailable. With a
 * healthy shared counter it stays at zero, however loaded the gateway is.
 */
public interface QuotaFallbacks {
  /** Without a shared counter nothing falls back. */
  QuotaFallbacks NONE = () -> 0;

  /** Requests whose admission the failure mode decided, since start. */
  long decidedWithoutShared();
}
