package io.bedrockgateway.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body, read by the caller's thread with a bound on every wait: a gateway that goes
 * silent for longer than the idle timeout fails the read (and the connection is dropped) instead of
 * hanging the caller. Reads ask for one chunk at a time, so a slow caller slows the stream.
 */
final class AnswerBody implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {
  private static final Object END = new Object();

  private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
  private final Deque<ByteBuffer> pending = new ArrayDeque<>();
  private final Duration idleTimeout;
  private volatile Flow.Subscription subscription;
  private boolean ended;

  private AnswerBody(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  static AnswerBody of(Flow.Publisher<List<ByteBuffer>> publisher, Duration idleTimeout) {
    AnswerBody body = new AnswerBody(idleTimeout);
    publisher.subscribe(body);
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    newSubscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> chunk) {
    arrivals.add(chunk);
  }

  @Override
  public void onError(Throwable failure) {
    arrivals.add(failure);
  }

  @Override
  public void onComplete() {
    arrivals.add(END);
  }

  /** The whole body, at most {@code maxBytes}. */
  byte[] readAll(int maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int next = read(); next >= 0; next = read()) {
      if (out.size() == maxBytes) {
        throw new IOException("the answer is larger than " + maxBytes + " bytes");
      }
      out.write(next);
    }
    return out.toByteArray();
  }

  /** The next line without its {@code \n} or {@code \r\n}, or null at the end of the body. */
  String readLine(int maxBytes) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int next = read();
    if (next < 0) {
      return null;
    }
    while (next >= 0 && next != '\n') {
      if (line.size() == maxBytes) {
        throw new IOException("a line of the answer is longer than " + maxBytes + " bytes");
      }
      line.write(next);
      next = read();
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private int read() throws IOException {
    while (pending.isEmpty() || !pending.peekFirst().hasRemaining()) {
      if (!pending.isEmpty()) {
        pending.removeFirst();
        continue;
      }
      if (ended) {
        return -1;
      }
      take();
    }
    return pending.peekFirst().get() & 0xff;
  }

  @SuppressWarnings("unchecked")
  private void take() throws IOException {
    Object next;
    try {
      next = arrivals.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new InterruptedIOException("interrupted while reading the answer");
    }
    if (next == null) {
      close();
      throw new HttpTimeoutException("no byte of the answer for " + idleTimeout.toMillis() + " ms");
    }
    if (next == END) {
      ended = true;
    } else if (next instanceof Throwable failure) {
      ended = true;
      throw failure instanceof IOException io ? io : new IOException(failure);
    } else {
      pending.addAll((List<ByteBuffer>) next);
      subscription.request(1);
    }
  }

  /** Drops the rest of the answer (and so the connection, if it is still being sent). */
  @Override
  public void close() {
    Flow.Subscription current = subscription;
    if (!ended && current != null) {
      ended = true;
      current.cancel();
    }
  }
}
