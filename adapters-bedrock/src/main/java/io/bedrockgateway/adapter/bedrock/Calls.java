package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for one non-streamed SDK call, bounded by the request timeout. The call is cancelled
 * whenever the caller stops waiting (timeout, interrupt), which frees its connection at once.
 */
final class Calls {
  private Calls() {}

  /**
   * @throws TargetFailure when the call failed
   * @throws UpstreamTimeout when it did not complete in time
   * @throws ClientCancelled when the waiting thread was interrupted
   */
  static <T> T await(CompletableFuture<T> call, Duration timeout, ModelId model) {
    try {
      return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException failure) {
      throw BedrockErrorTranslator.translate(failure, model);
    } catch (TimeoutException slow) {
      throw new UpstreamTimeout(
          "Bedrock did not answer within " + timeout.toMillis() + " ms for " + model);
    } catch (InterruptedException interrupted) {
      throw cancelledByCaller(interrupted);
    } finally {
      call.cancel(true);
    }
  }

  static ClientCancelled cancelledByCaller(InterruptedException interrupted) {
    Thread.currentThread().interrupt();
    return new ClientCancelled(interrupted);
  }
}
