package io.bedrockgateway.domain.error;

import java.util.Objects;

/** One item of a batch failed, which fails the whole batch; the failure is reported as itself. */
public final class BatchItemFailed extends GatewayException {
  private final int index;
  private final GatewayException failure;

  public BatchItemFailed(String field, int index, GatewayException failure) {
    super(
        field + "[" + index + "]: " + Objects.requireNonNull(failure, "failure").getMessage(),
        failure);
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    this.index = index;
    this.failure = failure;
  }

  public int index() {
    return index;
  }

  public GatewayException failure() {
    return failure;
  }

  @Override
  public String kind() {
    return failure.kind();
  }

  @Override
  public boolean isUpstream() {
    return failure.isUpstream();
  }
}
