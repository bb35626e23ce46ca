package io.bedrockgateway.domain.embedding;

import java.util.Arrays;
import java.util.Optional;

/** What embeddings are for, for models that embed queries and documents differently. */
public enum EmbeddingPurpose {
  SEARCH_DOCUMENT("search_document"),
  SEARCH_QUERY("search_query"),
  CLASSIFICATION("classification"),
  CLUSTERING("clustering");

  private final String wireName;

  EmbeddingPurpose(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EmbeddingPurpose> fromWireName(String wireName) {
    return Arrays.stream(values()).filter(purpose -> purpose.wireName.equals(wireName)).findFirst();
  }
}
