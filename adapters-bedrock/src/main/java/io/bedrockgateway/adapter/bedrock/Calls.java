package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/** Runs the SDK calls answered in one reply, their failures translated at this edge. */
final class Calls {
  private Calls() {}

  /**
   * Runs one call answered in one reply on the calling thread. The client bounds it by its request
   * timeout ({@link BedrockClientFactory#replies}) or the request's own: {@code timeout} names it.
   *
   * @throws TargetFailure when the call failed or timed out
   * @throws ClientCancelled when the calling thread was interrupted
   */
  static <T> T reply(Supplier<T> call, Duration timeout, ModelId model) {
    try {
      return call.get();
    } catch (ApiCallTimeoutException slow) {
      throw new TargetFailure(
          new UpstreamTimeout(
              "Bedrock did not answer within " + timeout.toMillis() + " ms for " + model),
          false,
          false);
    } catch (RuntimeException failure) {
      if (failure instanceof AbortedException || Thread.currentThread().isInterrupted()) {
        // the SDK's exception stays at this edge: no SDK type crosses the port, not as a cause
        throw cancelledByCaller(
            new InterruptedException("the Bedrock call for " + model + " was interrupted"));
      }
      throw BedrockErrorTranslator.translate(failure, model);
    }
  }

  static ClientCancelled cancelledByCaller(InterruptedException interrupted) {
    Thread.currentThread().interrupt();
    return new ClientCancelled(interrupted);
  }
}
