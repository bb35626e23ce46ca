package io.bedrockgateway.adapter.mongo;

import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.domain.health.DependencyHealth;

/**
 * MongoDB as the usage writer last found it, with its queue and spool: never a round trip of its
 * own. Down (the gateway degraded, still serving) while MongoDB is unreachable or while usage
 * events are being lost.
 */
final class MongoProbe implements DependencyProbe {
  private final MongoUsageLedger ledger;

  MongoProbe(MongoUsageLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public String name() {
    return "mongo";
  }

  @Override
  public DependencyHealth check() {
    LedgerStatus.Snapshot status = ledger.status();
    String usage =
        "usage queue "
            + ledger.queued()
            + "/"
            + ledger.queueCapacity()
            + ", "
            + ledger.spooled()
            + " events spooled in "
            + ledger.spoolDirectory()
            + ", queue overflows "
            + status.queueOverflows()
            + ", events lost "
            + status.lost();
    if (status.spoolFailure().isPresent()) {
      return new DependencyHealth(
          false,
          false,
          "usage events are being lost: " + status.spoolFailure().get() + "; " + usage);
    }
    if (!status.reachable()) {
      return new DependencyHealth(
          false,
          false,
          "unreachable since "
              + status.unreachableSince().orElseThrow()
              + " ("
              + status.lastFailure().orElse("no answer")
              + "); "
              + usage);
    }
    return DependencyHealth.up("reachable; " + usage);
  }
}
