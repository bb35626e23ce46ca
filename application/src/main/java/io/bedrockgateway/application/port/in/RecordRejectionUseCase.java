package io.bedrockgateway.application.port.in;

/**
 * Records a request that an inbound adapter refused before any use case ran (malformed or invalid
 * body, body too large), so that the ledger holds every request.
 */
public interface RecordRejectionUseCase {
  void record(RejectedRequest command);
}
