package io.bedrockgateway.adapter.http;

import io.bedrockgateway.application.port.in.UsageReportCommand;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import io.bedrockgateway.domain.usage.UsageTotals;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each command and answers one group of known totals. */
final class FakeUsageReportUseCase implements UsageReportUseCase {
  static final UsageTotals TOTALS =
      new UsageTotals(
          4,
          1,
          100,
          250,
          0,
          Usd.of("10"),
          1,
          Duration.ofMillis(1_000),
          Duration.ofMillis(2_500),
          3_000,
          40);

  final List<UsageReportCommand> commands = new CopyOnWriteArrayList<>();

  @Override
  public UsageReport report(UsageReportCommand command) {
    commands.add(command);
    return new UsageReport(
        new UsageQuery(command.from(), command.to(), command.groupBy(), Optional.empty()),
        List.of(
            new UsageGroup(Optional.empty(), UsageTotals.NONE),
            new UsageGroup(Optional.of("known1"), TOTALS)),
        TOTALS,
        1,
        2);
  }
}
