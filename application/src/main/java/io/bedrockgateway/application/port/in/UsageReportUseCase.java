package io.bedrockgateway.application.port.in;

import io.bedrockgateway.domain.usage.UsageReport;

/**
 * Totals recorded usage for whoever asks: an operator sees every key, a key holder only their own
 * key (an unknown key is {@link io.bedrockgateway.domain.error.Unauthorized}).
 */
public interface UsageReportUseCase {
  UsageReport report(UsageReportCommand command);
}
