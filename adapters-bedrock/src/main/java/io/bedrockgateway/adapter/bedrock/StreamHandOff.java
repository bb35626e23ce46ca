package io.bedrockgateway.adapter.bedrock;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * Hands the events the SDK pushes on its own threads to the one thread that asked for the stream,
 * one at a time: the next event is requested only after the caller took the previous one, so a slow
 * consumer slows the upstream read instead of filling memory. One instance per call.
 */
final class StreamHandOff
    implements ConverseStreamResponseHandler, Subscriber<ConverseStreamOutput> {

  /** What the caller finds when it waits for the stream. */
  sealed interface Signal {}

  record Event(ConverseStreamOutput output) implements Signal {}

  record Completed() implements Signal {}

  record Failed(Throwable cause) implements Signal {}

  record IdleTimedOut(Duration idleTimeout) implements Signal {}

  /**
   * Holds at most one event, as demand is one at a time. Several SDK callbacks may report the same
   * failure; the caller stops at the first terminal signal.
   */
  private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();

  /** Serialises request and cancel, which the SDK's thread and the caller's both issue. */
  private final Lock subscriptionLock = new ReentrantLock();

  private Subscription subscription;
  private boolean cancelled;

  /** Read by exceptionOccurred on any SDK thread. */
  private volatile boolean subscribed;

  /** Only the caller's thread touches this. */
  private boolean upstreamEnded;

  @Override
  public void responseReceived(ConverseStreamResponse response) {
    // The events carry everything the caller needs.
  }

  @Override
  public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
    publisher.subscribe(this);
  }

  /**
   * Reports failures before the event stream began (an HTTP error, no connection). Later ones reach
   * the subscriber, in order after the events before them; the SDK reports those here too, but can
   * do so early and with a symptom (its own cancellation of the connection) instead of the cause.
   * Should a failure ever reach only this method, the idle timeout still ends the wait.
   */
  @Override
  public void exceptionOccurred(Throwable failure) {
    if (!subscribed) {
      signals.add(new Failed(failure));
    }
  }

  @Override
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
      upstream.request(1);
    } finally {
      subscriptionLock.unlock();
    }
  }

  @Override
  public void onNext(ConverseStreamOutput output) {
    signals.add(new Event(output));
  }

  @Override
  public void onError(Throwable failure) {
    signals.add(new Failed(failure));
  }

  @Override
  public void onComplete() {
    signals.add(new Completed());
  }

  /** Waits for the next signal, or reports that none came within {@code idleTimeout}. */
  Signal awaitNext(Duration idleTimeout) throws InterruptedException {
    Signal next = signals.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    if (next == null) {
      return new IdleTimedOut(idleTimeout);
    }
    upstreamEnded = next instanceof Completed || next instanceof Failed;
    return next;
  }

  /**
   * True once the caller saw the stream complete or fail. The SDK then releases the connection by
   * itself, and cancelling the call late could break the next request that reuses it.
   */
  boolean upstreamEnded() {
    return upstreamEnded;
  }

  /** Asks for one more event; call once the previous one was handled. */
  void requestNext() {
    subscriptionLock.lock();
    try {
      if (subscription != null && !cancelled) {
        subscription.request(1);
      }
    } finally {
      subscriptionLock.unlock();
    }
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
