package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.in.UsageReportCommand;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports usage: everything (or one key's) to the operator, only their own key's to a key holder.
 */
public final class UsageReportService implements UsageReportUseCase {
  private final UsageLedger ledger;

  public UsageReportService(UsageLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public UsageReport report(UsageReportCommand command) {
    Optional<KeyId> scope =
        switch (command.viewer()) {
          case Viewer.Operator operator -> command.key();
          case Viewer.KeyHolder holder -> {
            KeyId own = holder.caller().keyId();
            if (command.key().filter(asked -> !asked.equals(own)).isPresent()) {
              throw new Forbidden("A key sees only its own usage.");
            }
            yield Optional.of(own);
          }
        };
    return ledger.report(
        new UsageQuery(
            command.from(), command.to(), command.groupBy(), scope, command.clientRequestId()));
  }
}
