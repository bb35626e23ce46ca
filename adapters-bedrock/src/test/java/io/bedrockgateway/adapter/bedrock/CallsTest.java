package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.ClientCancelled;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** What crosses the port when a call answered in one reply is interrupted: no SDK type at all. */
class CallsTest {
  private static final ModelId MODEL = new ModelId("anthropic.claude-3-haiku-20240307-v1:0");

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void anAbortedCallIsTheClientsCancellationWithNoSdkCause() {
    Throwable thrown =
        catchThrowable(
            () ->
                Calls.reply(
                    () -> {
                      throw AbortedException.create("aborted");
                    },
                    Duration.ofSeconds(1),
                    MODEL));

    assertThat(thrown).isInstanceOf(ClientCancelled.class);
    assertNoSdkTypeIn(thrown);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aFailureOfAnInterruptedCallIsTheClientsCancellationWithNoSdkCause() {
    Thread.currentThread().interrupt();

    Throwable thrown =
        catchThrowable(
            () ->
                Calls.reply(
                    () -> {
                      throw SdkClientException.create("the connection was closed");
                    },
                    Duration.ofSeconds(1),
                    MODEL));

    assertThat(thrown).isInstanceOf(ClientCancelled.class);
    assertNoSdkTypeIn(thrown);
  }

  private static void assertNoSdkTypeIn(Throwable thrown) {
    for (Throwable link = thrown; link != null; link = link.getCause()) {
      assertThat(link.getClass().getName()).doesNotStartWith("software.amazon");
    }
  }
}
