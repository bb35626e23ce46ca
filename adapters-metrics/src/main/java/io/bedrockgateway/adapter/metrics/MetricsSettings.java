package io.bedrockgateway.adapter.metrics;

/**
 * @param keyLabels whether tokens and cost are also counted per API key id (one series per key:
 *     turn off when there are very many keys)
 */
public record MetricsSettings(boolean keyLabels) {}
