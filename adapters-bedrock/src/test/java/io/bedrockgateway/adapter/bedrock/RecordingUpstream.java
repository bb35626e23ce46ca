package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.domain.chat.ModelId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the failover reported, for the tests to look at. */
final class RecordingUpstream implements UpstreamObserver {
  final List<String> failedAttempts = new CopyOnWriteArrayList<>();
  final List<String> fallbacks = new CopyOnWriteArrayList<>();
  final List<String> retries = new CopyOnWriteArrayList<>();

  /** Forgets everything reported so far, so that a test sees only what it caused. */
  void clear() {
    failedAttempts.clear();
    fallbacks.clear();
    retries.clear();
  }

  @Override
  public void attemptFailed(String errorKind) {
    failedAttempts.add(errorKind);
  }

  @Override
  public void retried() {
    retries.add("retry");
  }

  @Override
  public void fellBack(ModelId from, ModelId to) {
    fallbacks.add(from.value() + " -> " + to.value());
  }
}
