package io.bedrockgateway.adapter.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a command's answer. The wait has no deadline of its own: the client completes every
 * command by the configured timeout ({@code TimeoutOptions}, on its timer wheel), so a request's
 * virtual thread does not also arm a timer for each command — as Lettuce's sync API does.
 */
final class Answer {
  private Answer() {}

  /**
   * @throws RedisException what the command failed with: a timeout, a rejected command, an error
   *     reply
   */
  static <T> T of(RedisFuture<T> command) {
    try {
      return command.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      command.cancel(true);
      throw new RedisCommandInterruptedException(interrupted);
    } catch (ExecutionException failed) {
      throw failed.getCause() instanceof RedisException redis
          ? redis
          : new RedisCommandExecutionException(failed.getCause());
    }
  }
}
