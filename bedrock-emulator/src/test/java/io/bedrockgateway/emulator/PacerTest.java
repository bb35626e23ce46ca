package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {
  private static final Duration LONG = Duration.ofMinutes(10);
  private static final long HANG_GUARD_SECONDS = 30;

  @Test
  void closingEndsEveryWaitInProgress() throws Exception {
    Pacer pacer = new Pacer();
    CountDownLatch started = new CountDownLatch(100);
    List<Thread> waits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      waits.add(waiting(pacer, LONG, 1, started));
    }
    assertThat(started.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

    pacer.close();

    for (Thread wait : waits) {
      assertThat(wait.join(Duration.ofSeconds(HANG_GUARD_SECONDS))).isTrue();
    }
  }

  @Test
  void aWaitAfterClosingReturnsAtOnce() throws Exception {
    Pacer pacer = new Pacer();
    pacer.close();

    CompletableFuture<Void> stall =
        CompletableFuture.runAsync(
            () -> {
              try {
                pacer.stall();
              } catch (InterruptedException unexpected) {
                throw new AssertionError(unexpected);
              }
            });

    stall.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    assertThat(stall).isCompleted();
  }

  @Test
  void anInterruptedWaitThrows() {
    Pacer pacer = new Pacer();
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> pacer.await(LONG)).isInstanceOf(InterruptedException.class);
    assertThat(Thread.interrupted()).isFalse();
  }

  @Test
  void thousandsOfShortWaitsAllEnd() throws Exception {
    Pacer pacer = new Pacer();
    List<Thread> waits = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      waits.add(waiting(pacer, Duration.ofMillis(2), 5, new CountDownLatch(1)));
    }
    for (Thread wait : waits) {
      assertThat(wait.join(Duration.ofSeconds(HANG_GUARD_SECONDS))).isTrue();
    }
  }

  /** A virtual thread that counts {@code started} down, then waits {@code times} for delay. */
  private static Thread waiting(Pacer pacer, Duration delay, int times, CountDownLatch started) {
    return Thread.ofVirtual()
        .start(
            () -> {
              started.countDown();
              try {
                for (int wait = 0; wait < times; wait++) {
                  pacer.await(delay);
                }
              } catch (InterruptedException unexpected) {
                throw new AssertionError(unexpected);
              }
            });
  }
}
