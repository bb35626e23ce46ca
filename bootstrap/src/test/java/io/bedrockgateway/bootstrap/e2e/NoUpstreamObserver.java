package io.bedrockgateway.bootstrap.e2e;

import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.domain.chat.ModelId;

/** An upstream observer that ignores what the failover reports. */
final class NoUpstreamObserver implements UpstreamObserver {
  @Override
  public void attemptFailed(String errorKind) {}

  @Override
  public void retried() {}

  @Override
  public void fellBack(ModelId from, ModelId to) {}
}
