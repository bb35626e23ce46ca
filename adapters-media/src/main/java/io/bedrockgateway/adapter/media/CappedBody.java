package io.bedrockgateway.adapter.media;

import io.bedrockgateway.domain.error.InvalidRequest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * A response body read into memory up to a limit: past it the rest is never read (the subscription
 * is cancelled, which closes the connection) and the body fails with the refusal given. One that is
 * refused before it starts ({@link #refused}) reads nothing at all.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final long limit;
  private final Supplier<InvalidRequest> tooLarge;
  private final InvalidRequest refusal;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  private CappedBody(long limit, Supplier<InvalidRequest> tooLarge, InvalidRequest refusal) {
    this.limit = limit;
    this.tooLarge = tooLarge;
    this.refusal = refusal;
  }

  /** A body of at most {@code limit} bytes; a longer one fails with {@code tooLarge}'s refusal. */
  static CappedBody upTo(long limit, Supplier<InvalidRequest> tooLarge) {
    return new CappedBody(limit, tooLarge, null);
  }

  /** A body not read at all, failing with {@code refusal}. */
  static CappedBody refused(InvalidRequest refusal) {
    return new CappedBody(0, () -> refusal, refusal);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (refusal != null) {
      subscription.cancel();
      body.completeExceptionally(refusal);
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + (long) buffer.remaining() > limit) {
        cancel();
        body.completeExceptionally(tooLarge.get());
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  /** Stops reading: the connection is closed, whatever is left unread. */
  void cancel() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
