package io.bedrockgateway.adapter.memory;

import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageEventId;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage kept in this process: the most recent {@code capacity} events, for the embedded mode and
 * tests. Appending the same event (by its id) twice keeps the first record; events of requests that
 * share a client request id are each kept. Events are kept as they are appended, so there is never
 * a backlog.
 */
public final class InMemoryUsageLedger implements UsageLedger, UsageBacklog {
  private final int capacity;
  private final Map<UsageEventId, UsageEvent> events;

  public InMemoryUsageLedger(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.events = new LinkedHashMap<>();
  }

  @Override
  public synchronized void append(UsageEvent event) {
    events.putIfAbsent(event.id(), event);
    if (events.size() > capacity) {
      events.remove(events.keySet().iterator().next());
    }
  }

  @Override
  public long queued() {
    return 0;
  }

  @Override
  public long spooled() {
    return 0;
  }

  @Override
  public long lost() {
    return 0;
  }

  @Override
  public UsageReport report(UsageQuery query) {
    return UsageReport.tally(query, events());
  }

  /** The kept events, oldest first. */
  public synchronized List<UsageEvent> events() {
    return new ArrayList<>(events.values());
  }
}
