package io.bedrockgateway.application.port.out;

/** How far the usage ledger is behind: events waiting to be written, and events kept on disk. */
public interface UsageBacklog {
  /** Events accepted but not yet written or spooled. */
  long queued();

  /** Events in the local spool, waiting for the store to come back. */
  long spooled();

  /** Events that could be neither written nor spooled, since start. */
  long lost();

  /**
   * Events that found the queue full and were handed to the spool instead (or, past its own queue,
   * lost), since start. A store without a queue never overflows.
   */
  default long overflowed() {
    return 0;
  }
}
