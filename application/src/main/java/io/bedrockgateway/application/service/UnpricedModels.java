package io.bedrockgateway.application.service;

/**
 * What becomes of a request for a model the price table does not price (for its operation: tokens
 * for chat and embeddings, images for image generation), which would otherwise be free.
 */
public enum UnpricedModels {
  /**
   * Keys with a USD budget are refused (403 naming the model and how to price it): their budget
   * could not see what the call costs. Keys without one are served, the cost recorded as unknown.
   */
  DENY,

  /** Every key is served; the cost is recorded as unknown, counted and logged, never charged. */
  ALLOW
}
