package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.cost.PriceTable;
import java.time.Clock;
import java.util.Objects;

/**
 * Records requests of authenticated callers refused at the edge (malformed or invalid bodies), so
 * that a key's owner sees its malformed requests too. Requests without a valid key never get here:
 * they are refused before their body is read.
 */
public final class RecordRejectionService implements RecordRejectionUseCase {
  private final UsageLedger ledger;
  private final Clock clock;
  private final Pricing pricing;

  public RecordRejectionService(UsageLedger ledger, Clock clock, PriceTable prices) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pricing = new Pricing(prices);
  }

  @Override
  public void record(RejectedRequest command) {
    UsageTrace trace = new UsageTrace(command.context(), command.operation(), clock, pricing);
    trace.principal(command.caller());
    ledger.append(trace.failed(command.reason()));
  }
}
