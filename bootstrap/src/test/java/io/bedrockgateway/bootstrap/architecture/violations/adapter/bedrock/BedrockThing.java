package io.bedrockgateway.bootstrap.architecture.violations.adapter.bedrock;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.HttpCallingServices;

/** Violates: a package cycle with adapter.http. */
public class BedrockThing {
  public HttpCallingServices back;
}
