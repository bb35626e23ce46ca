package io.bedrockgateway.client;

/** The operations of {@link BedrockService}, as the listener and the metrics name them. */
public enum Operation {
  CONVERSE,
  CONVERSE_STREAM,
  GENERATE_IMAGE,
  TEXT_EMBEDDING,
  TEXT_EMBEDDING_BATCH,
  IMAGE_EMBEDDING
}
