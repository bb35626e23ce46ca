package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.application.port.out.KeyStore;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.key.ApiKeySecret;
import java.time.Clock;
import java.util.Objects;

/**
 * Records requests refused at the edge, attributed to their key when it is a valid one, so that a
 * key's owner sees its malformed requests too.
 */
public final class RecordRejectionService implements RecordRejectionUseCase {
  private final Authenticator authenticator;
  private final UsageLedger ledger;
  private final Clock clock;
  private final Pricing pricing;

  public RecordRejectionService(KeyStore keys, UsageLedger ledger, Clock clock, PriceTable prices) {
    this.authenticator = new Authenticator(keys, clock);
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pricing = new Pricing(prices);
  }

  @Override
  public void record(RejectedRequest command) {
    UsageTrace trace = new UsageTrace(command.context(), command.operation(), clock, pricing);
    command.apiKey().ifPresent(key -> identify(key, trace));
    ledger.append(trace.failed(command.reason()));
  }

  private void identify(ApiKeySecret key, UsageTrace trace) {
    try {
      authenticator.identify(key).ifPresent(trace::principal);
    } catch (GatewayException storeDown) {
      // the rejection is recorded all the same, without an owner
    }
  }
}
