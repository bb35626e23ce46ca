package io.bedrockgateway.bootstrap.architecture.violations.adapter.metrics;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.http.HttpCallingServices;

/** Violates: adapter.metrics does not depend on other adapters. */
public class MetricsUsingHttp {
  public HttpCallingServices http;
}
