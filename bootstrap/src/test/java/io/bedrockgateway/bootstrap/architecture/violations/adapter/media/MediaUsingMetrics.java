package io.bedrockgateway.bootstrap.architecture.violations.adapter.media;

import io.bedrockgateway.bootstrap.architecture.violations.adapter.metrics.MetricsUsingHttp;

/** Violates: adapter.media does not depend on other adapters. */
public class MediaUsingMetrics {
  public MetricsUsingHttp metrics;
}
