package io.bedrockgateway.adapter.media;

import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.MediaUrl;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches images with the JDK's HTTP client, one client (its connection pool and threads) for the
 * whole gateway. A request's images are fetched at once, under one deadline; each is refused as
 * soon as its answer shows it cannot serve: a status other than 200 (a redirect is never followed,
 * so no hop leaves the hosts the policy allowed), a type that is no image, a declared length past
 * the limit. A body is read up to the limit and no further. Every failure becomes an {@link
 * InvalidRequest} naming the URL: the image is the client's choice, and retrying will not mend it.
 */
public final class HttpImageSource implements RemoteImageSource, AutoCloseable {
  private static final String ACCEPT = "image/png, image/jpeg, image/gif, image/webp";

  private final HttpClient client;
  private final MediaSettings settings;

  public HttpImageSource(MediaSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.timeout())
            .build();
  }

  @Override
  public List<BinaryData> fetch(List<MediaUrl> urls) {
    if (urls.isEmpty()) {
      return List.of();
    }
    List<Fetch> fetches = urls.stream().map(this::start).toList();
    CompletableFuture<Void> firstFailure = new CompletableFuture<>();
    fetches.forEach(
        fetch ->
            fetch.body.whenComplete(
                (bytes, failure) -> {
                  if (failure != null) {
                    firstFailure.completeExceptionally(failure);
                  }
                }));
    CompletableFuture<Void> all =
        CompletableFuture.allOf(
            fetches.stream().map(fetch -> fetch.body).toArray(CompletableFuture[]::new));
    try {
      CompletableFuture.anyOf(all, firstFailure)
          .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      MediaUrl slow =
          fetches.stream()
              .filter(fetch -> !fetch.body.isDone())
              .findFirst()
              .map(fetch -> fetch.url)
              .orElse(urls.getFirst());
      fetches.forEach(Fetch::cancel);
      throw tooSlow(slow);
    } catch (InterruptedException interrupted) {
      // the client left, or the gateway stops
      fetches.forEach(Fetch::cancel);
      Thread.currentThread().interrupt();
      throw new ClientCancelled(interrupted);
    } catch (ExecutionException failed) {
      // the first URL, in the request's order, that failed (before the others are cancelled)
      Optional<Fetch> first =
          fetches.stream().filter(fetch -> fetch.body.isCompletedExceptionally()).findFirst();
      fetches.forEach(Fetch::cancel);
      throw first.map(this::failure).orElseGet(() -> refusal(urls.getFirst(), failed.getCause()));
    }
    List<BinaryData> images = new ArrayList<>();
    for (Fetch fetch : fetches) {
      byte[] bytes = fetch.body.join();
      if (bytes.length == 0) {
        throw new InvalidRequest("image " + fetch.url + ": the answer was empty");
      }
      images.add(new BinaryData(bytes));
    }
    return images;
  }

  private Fetch start(MediaUrl url) {
    Fetch fetch = new Fetch(url);
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url.uri())
              .timeout(settings.timeout())
              .header("Accept", ACCEPT)
              .GET()
              .build();
      fetch.exchange = client.sendAsync(request, info -> fetch.read(body(url, info)));
    } catch (IllegalArgumentException unusable) {
      fetch.exchange =
          CompletableFuture.failedFuture(refused(url, "is no URL the gateway can fetch"));
    }
    fetch.body = fetch.exchange.thenApply(HttpResponse::body);
    return fetch;
  }

  /** The body of {@code info}'s answer: read up to the limit, or refused unread. */
  private CappedBody body(MediaUrl url, HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    if (status >= 300 && status < 400) {
      return CappedBody.refused(
          refused(
              url,
              "the host answered with a redirect ("
                  + status
                  + "), which the gateway does not follow; send the image's own URL"));
    }
    if (status != 200) {
      return CappedBody.refused(refused(url, "the host answered " + status + ", not the image"));
    }
    Optional<String> type =
        info.headers()
            .firstValue("Content-Type")
            .map(value -> value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
    if (type.isPresent()
        && !type.get().startsWith("image/")
        && !type.get().equals("application/octet-stream")) {
      return CappedBody.refused(
          refused(url, "the host sent " + type.get() + ", not a PNG, JPEG, GIF or WebP image"));
    }
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > settings.maxBytes()) {
      return CappedBody.refused(tooLarge(url));
    }
    return CappedBody.upTo(settings.maxBytes(), () -> tooLarge(url));
  }

  private InvalidRequest tooLarge(MediaUrl url) {
    return refused(
        url,
        "the image is larger than the "
            + settings.maxBytes()
            + " bytes the gateway fetches (REMOTE_MEDIA_MAX_BYTES); send a smaller one");
  }

  private InvalidRequest tooSlow(MediaUrl url) {
    return refused(
        url,
        "the image did not arrive within "
            + settings.timeout().toMillis()
            + " ms (REMOTE_MEDIA_TIMEOUT_MS)");
  }

  private InvalidRequest failure(Fetch fetch) {
    try {
      fetch.body.join();
      throw new IllegalStateException("a failed fetch completed");
    } catch (CompletionException failed) {
      return refusal(fetch.url, failed.getCause());
    }
  }

  /** What a failed fetch tells the client: its own refusal, or what went wrong, in words. */
  private InvalidRequest refusal(MediaUrl url, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequest refused) {
        return refused;
      }
      if (cause instanceof HttpConnectTimeoutException) {
        return refused(
            url, "the host could not be reached within " + settings.timeout().toMillis() + " ms");
      }
      if (cause instanceof HttpTimeoutException) {
        return tooSlow(url);
      }
      if (cause instanceof ConnectException) {
        return refused(url, "the host could not be reached");
      }
    }
    return refused(url, "the image could not be fetched (the connection failed)");
  }

  private static InvalidRequest refused(MediaUrl url, String reason) {
    return new InvalidRequest("image " + url + ": " + reason);
  }

  @Override
  public void close() {
    client.close();
  }

  /** One image on its way: the exchange, and the body being read, to cancel if need be. */
  private static final class Fetch {
    private final MediaUrl url;
    private CompletableFuture<HttpResponse<byte[]>> exchange;
    private CompletableFuture<byte[]> body;
    private volatile CappedBody reader;

    Fetch(MediaUrl url) {
      this.url = url;
    }

    CappedBody read(CappedBody body) {
      this.reader = body;
      return body;
    }

    void cancel() {
      exchange.cancel(true);
      CappedBody current = reader;
      if (current != null) {
        current.cancel();
      }
    }
  }
}
