package io.bedrockgateway.adapter.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;

/** The caller's waits: ended at the idle timeout when nothing comes, never when something does. */
class StreamHandOffTest {
  private static final long HANG_GUARD_SECONDS = 30;
  private static final ConverseStreamOutput EVENT =
      MessageStartEvent.builder().role("assistant").build();

  @Test
  void aWaitWithNothingComingEndsAsIdleAfterItsLimit() throws Exception {
    StreamHandOff.Converse handOff = subscribed();

    StreamHandOff.Signal<ConverseStreamOutput> signal =
        CompletableFuture.supplyAsync(() -> await(handOff, Duration.ofMillis(200)))
            .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

    assertThat(signal).isInstanceOf(StreamHandOff.IdleTimedOut.class);
    assertThat(((StreamHandOff.IdleTimedOut<?>) signal).idleTimeout())
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void eventsThatComeWithinTheLimitAreHandedOverAndNoWaitTimesOut() throws Exception {
    StreamHandOff.Converse handOff = subscribed();
    Thread upstream =
        Thread.ofVirtual()
            .start(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    sleep(5);
                    handOff.onNext(EVENT);
                  }
                  handOff.onComplete();
                });

    List<StreamHandOff.Signal<ConverseStreamOutput>> seen = new ArrayList<>();
    CompletableFuture.runAsync(
            () -> {
              StreamHandOff.Signal<ConverseStreamOutput> signal;
              do {
                signal = await(handOff, Duration.ofSeconds(HANG_GUARD_SECONDS / 2));
                seen.add(signal);
                handOff.requestNext();
              } while (signal instanceof StreamHandOff.Event<?>);
            })
        .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    upstream.join();

    assertThat(seen).hasSize(51);
    assertThat(seen.subList(0, 50)).allMatch(StreamHandOff.Event.class::isInstance);
    assertThat(seen.getLast()).isInstanceOf(StreamHandOff.Completed.class);
    assertThat(handOff.upstreamEnded()).isTrue();
  }

  @Test
  void aStreamPausedLongerThanTheLimitBetweenEventsTimesOutThen() throws Exception {
    StreamHandOff.Converse handOff = subscribed();
    handOff.onNext(EVENT);

    List<StreamHandOff.Signal<ConverseStreamOutput>> seen =
        CompletableFuture.supplyAsync(
                () -> {
                  List<StreamHandOff.Signal<ConverseStreamOutput>> signals = new ArrayList<>();
                  signals.add(await(handOff, Duration.ofMillis(100)));
                  signals.add(await(handOff, Duration.ofMillis(100)));
                  return signals;
                })
            .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

    assertThat(seen.get(0)).isInstanceOf(StreamHandOff.Event.class);
    assertThat(seen.get(1)).isInstanceOf(StreamHandOff.IdleTimedOut.class);
  }

  @Test
  void drainingStopsTheWatchAndTheCallReturnsItsResult() {
    StreamHandOff.Converse handOff = subscribed();
    handOff.onNext(EVENT);
    handOff.onComplete();
    CompletableFuture<Void> call = new CompletableFuture<>();

    int events =
        handOff.drain(
            call,
            () -> {
              int count = 0;
              while (handOff.awaitNext(Duration.ofMillis(100)) instanceof StreamHandOff.Event<?>) {
                count++;
              }
              return count;
            });

    assertThat(events).isEqualTo(1);
    assertThat(call).isNotCancelled();
  }

  @Test
  void onlyEventsAlreadyThereAreTakenWithoutWaitingAndTheEndIsLeftForTheWait() throws Exception {
    StreamHandOff.Converse handOff = subscribed();
    handOff.onNext(EVENT);
    handOff.onNext(EVENT);
    handOff.onComplete();

    List<ConverseStreamOutput> taken = new ArrayList<>();

    assertThat(handOff.awaitNext(Duration.ofSeconds(HANG_GUARD_SECONDS)))
        .isInstanceOf(StreamHandOff.Event.class);
    assertThat(handOff.takeArrived(EVENT, any -> true, taken::add)).isEqualTo(2);
    assertThat(taken).containsExactly(EVENT, EVENT);
    assertThat(handOff.upstreamEnded()).isFalse();
    assertThat(handOff.awaitNext(Duration.ofSeconds(HANG_GUARD_SECONDS)))
        .isInstanceOf(StreamHandOff.Completed.class);
    assertThat(handOff.upstreamEnded()).isTrue();
  }

  @Test
  void anArrivedEventThatDoesNotJoinIsLeftForTheWait() throws Exception {
    StreamHandOff.Converse handOff = subscribed();
    handOff.onNext(EVENT);

    assertThat(handOff.takeArrived(EVENT, output -> output != EVENT, output -> {})).isEqualTo(1);
    assertThat(handOff.awaitNext(Duration.ofSeconds(HANG_GUARD_SECONDS)))
        .isEqualTo(new StreamHandOff.Event<>(EVENT));
  }

  @Test
  void nothingArrivedIsNoEvent() {
    List<ConverseStreamOutput> taken = new ArrayList<>();

    assertThat(subscribed().takeArrived(EVENT, any -> true, taken::add)).isEqualTo(1);
    assertThat(taken).containsExactly(EVENT);
  }

  private static StreamHandOff.Converse subscribed() {
    return RecordedDemand.subscribe(new StreamHandOff.Converse(), new RecordedDemand());
  }

  private static StreamHandOff.Signal<ConverseStreamOutput> await(
      StreamHandOff.Converse handOff, Duration limit) {
    try {
      return handOff.awaitNext(limit);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
