package io.bedrockgateway.bootstrap.architecture.violations.client;

import io.bedrockgateway.bootstrap.architecture.violations.domain.DomainUsingAFramework;

/** Violates: the client depends on no gateway package. */
public class ClientUsingTheDomain {
  public DomainUsingAFramework leaked = new DomainUsingAFramework();
}
