package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import java.util.ArrayList;
import java.util.List;

/** Keeps every appended event, in order, for the services' tests to look at. */
final class RecordingLedger implements UsageLedger {
  final List<UsageEvent> events = new ArrayList<>();

  @Override
  public void append(UsageEvent event) {
    events.add(event);
  }

  @Override
  public UsageReport report(UsageQuery query) {
    return UsageReport.tally(query, events);
  }
}
