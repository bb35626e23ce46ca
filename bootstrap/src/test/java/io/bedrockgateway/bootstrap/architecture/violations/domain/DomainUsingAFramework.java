package io.bedrockgateway.bootstrap.architecture.violations.domain;

/** Violates: domain depends on java.. only. */
public class DomainUsingAFramework {
  public com.fasterxml.jackson.databind.ObjectMapper mapper;
}
