package io.bedrockgateway.application.port.in;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The health report with what an operator or a key holder needs to look into it: how long each
 * dependency took to answer its check, and the usage ledger's backlog.
 *
 * @param usageQueued usage events waiting to be written
 * @param usageSpooled usage events kept on local disk until the store is back
 * @param usageLost usage events neither written nor spooled since start
 */
public record HealthDetail(
    HealthReport report,
    Map<String, Duration> checkTimes,
    long usageQueued,
    long usageSpooled,
    long usageLost) {
  public HealthDetail {
    Objects.requireNonNull(report, "report");
    checkTimes = Map.copyOf(Objects.requireNonNull(checkTimes, "checkTimes"));
    if (!checkTimes.keySet().equals(report.dependencies().keySet())) {
      throw new IllegalArgumentException("checkTimes must name exactly the dependencies");
    }
  }
}
