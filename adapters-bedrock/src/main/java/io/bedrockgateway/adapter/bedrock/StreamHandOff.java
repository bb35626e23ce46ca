package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * Hands the events the SDK pushes on its own threads to the one thread that asked for the stream.
 * At most {@link #WINDOW} events wait for the caller: more are requested in halves of that as the
 * caller handles them, so a slow consumer slows the upstream read instead of filling memory, and a
 * fast one does not wait for a round trip to the SDK's thread per event. One instance per call;
 * {@link Converse} and {@link Invoke} are the response handlers of the two streaming operations.
 *
 * @param <E> the type of the stream's events
 */
sealed class StreamHandOff<E> implements Subscriber<E> {

  /**
   * How many events may wait for the caller. Requesting one event at a time cost a round trip to
   * the SDK's event loop per event: one stream at a time against a warm gateway (StreamProbe), the
   * last of 24 events came 5.7-6.2 ms after the request with it and 3.2-3.6 ms with this window.
   */
  static final int WINDOW = 16;

  /** The hand-off of a ConverseStream call. */
  static final class Converse extends StreamHandOff<ConverseStreamOutput>
      implements ConverseStreamResponseHandler {
    @Override
    public void responseReceived(ConverseStreamResponse response) {
      // The events carry everything the caller needs.
    }
  }

  /** The hand-off of an InvokeModelWithResponseStream call. */
  static final class Invoke extends StreamHandOff<ResponseStream>
      implements InvokeModelWithResponseStreamResponseHandler {
    @Override
    public void responseReceived(InvokeModelWithResponseStreamResponse response) {
      // The chunks carry everything the caller needs.
    }
  }

  /** What the caller finds when it waits for the stream. */
  sealed interface Signal<E> {}

  record Event<E>(E output) implements Signal<E> {}

  record Completed<E>() implements Signal<E> {}

  record Failed<E>(Throwable cause) implements Signal<E> {}

  record IdleTimedOut<E>(Duration idleTimeout) implements Signal<E> {}

  /**
   * Holds at most {@link #WINDOW} events, as that bounds the demand. Several SDK callbacks may
   * report the same failure; the caller stops at the first terminal signal.
   */
  private final BlockingQueue<Signal<E>> signals = new LinkedBlockingQueue<>();

  /** Serialises request and cancel, which the SDK's thread and the caller's both issue. */
  private final Lock subscriptionLock = new ReentrantLock();

  private Subscription subscription;
  private boolean cancelled;

  /** Read by exceptionOccurred on any SDK thread. */
  private volatile boolean subscribed;

  /** Only the caller's thread touches this. */
  private boolean upstreamEnded;

  /** Events handled since the last request for more; only the caller's thread touches this. */
  private int handledSinceRequest;

  private StreamHandOff() {}

  public void onEventStream(SdkPublisher<E> publisher) {
    publisher.subscribe(this);
  }

  /**
   * Reports failures before the event stream began (an HTTP error, no connection). Later ones reach
   * the subscriber, in order after the events before them; the SDK reports those here too, but can
   * do so early and with a symptom (its own cancellation of the connection) instead of the cause.
   * Should a failure ever reach only this method, the idle timeout still ends the wait.
   */
  public void exceptionOccurred(Throwable failure) {
    if (!subscribed) {
      signals.add(new Failed<>(failure));
    }
  }

  public void complete() {
    // onComplete already told the caller.
  }

  @Override
  public void onSubscribe(Subscription upstream) {
    subscribed = true;
    subscriptionLock.lock();
    try {
      if (cancelled) {
        upstream.cancel();
        return;
      }
      subscription = upstream;
      upstream.request(WINDOW);
    } finally {
      subscriptionLock.unlock();
    }
  }

  @Override
  public void onNext(E output) {
    signals.add(new Event<>(output));
  }

  @Override
  public void onError(Throwable failure) {
    signals.add(new Failed<>(failure));
  }

  @Override
  public void onComplete() {
    signals.add(new Completed<>());
  }

  /** Waits for the next signal, or reports that none came within {@code idleTimeout}. */
  Signal<E> awaitNext(Duration idleTimeout) throws InterruptedException {
    Signal<E> next = signals.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    if (next == null) {
      return new IdleTimedOut<>(idleTimeout);
    }
    upstreamEnded = next instanceof Completed<E> || next instanceof Failed<E>;
    return next;
  }

  /**
   * Gives {@code handle} the event {@code first}, then, without waiting, each event that has
   * already arrived behind it as long as {@code joins} takes it (at most the window); what ends the
   * stream, and an event {@code joins} leaves, stay for {@link #awaitNext}. Returns how many were
   * handled, for {@link #requestNext(int)} once they were passed on.
   */
  int takeArrived(E first, Predicate<? super E> joins, Consumer<? super E> handle) {
    handle.accept(first);
    int handled = 1;
    while (signals.peek() instanceof Event<E>(var output) && joins.test(output)) {
      signals.poll();
      handle.accept(output);
      handled++;
    }
    return handled;
  }

  /**
   * True once the caller saw the stream complete or fail. The SDK then releases the connection by
   * itself, and cancelling the call late could break the next request that reuses it.
   */
  boolean upstreamEnded() {
    return upstreamEnded;
  }

  /** Call once an event was handled; see {@link #requestNext(int)}. */
  void requestNext() {
    requestNext(1);
  }

  /**
   * Call once {@code handled} events were handled: from half a window on, asks for as many more, so
   * no more than {@link #WINDOW} are ever requested and not yet handled.
   */
  void requestNext(int handled) {
    handledSinceRequest += handled;
    if (handledSinceRequest < WINDOW / 2) {
      return;
    }
    int more = handledSinceRequest;
    handledSinceRequest = 0;
    subscriptionLock.lock();
    try {
      if (subscription != null && !cancelled) {
        subscription.request(more);
      }
    } finally {
      subscriptionLock.unlock();
    }
  }

  /** Relays a stream to the caller, on the caller's thread. */
  @FunctionalInterface
  interface Relay<T> {
    T relay() throws InterruptedException;
  }

  /**
   * Runs {@code relay} over the events of {@code call}, started with this hand-off, and stops the
   * call unless it ended by itself: when the caller gave up, failed or left.
   */
  <T> T drain(CompletableFuture<Void> call, Relay<T> relay) {
    try {
      return relay.relay();
    } catch (InterruptedException interrupted) {
      throw Calls.cancelledByCaller(interrupted);
    } finally {
      if (!upstreamEnded) {
        cancel();
        call.cancel(true);
      }
    }
  }

  /**
   * The failure of a stream that failed upstream or went quiet, for {@code model}: a {@link
   * TargetFailure} that may be tried again only if nothing was {@code delivered}, or an {@link
   * UpstreamTimeout}.
   */
  static RuntimeException failure(Signal<?> ended, ModelId model, boolean delivered) {
    return switch (ended) {
      case Failed<?>(var cause) ->
          BedrockErrorTranslator.translate(cause, model).afterCommit(delivered);
      case IdleTimedOut<?>(var timeout) ->
          new UpstreamTimeout(
              "Bedrock sent nothing for " + timeout.toMillis() + " ms on the stream for " + model);
      default -> throw new IllegalArgumentException("not a failure: " + ended);
    };
  }

  /** Stops the stream, also when the SDK has not subscribed yet. */
  void cancel() {
    subscriptionLock.lock();
    try {
      cancelled = true;
      if (subscription != null) {
        subscription.cancel();
      }
    } finally {
      subscriptionLock.unlock();
    }
  }
}
