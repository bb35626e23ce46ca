package io.bedrockgateway.application.port.in;

/** How the gateway and its dependencies are doing; cheap enough for every health probe. */
public interface HealthUseCase {
  HealthReport check();

  /** The report with check times and the usage backlog: for the operator. */
  HealthDetail detail();
}
