package io.bedrockgateway.application.port.in;

import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;

/** How the gateway and its dependencies are doing; cheap enough for every health probe. */
public interface HealthUseCase {
  HealthReport check();

  /**
   * The report with check times and the usage backlog, for the operator or the holder of a valid
   * key (else {@link io.bedrockgateway.domain.error.Unauthorized}).
   */
  HealthDetail detail(Viewer viewer);
}
