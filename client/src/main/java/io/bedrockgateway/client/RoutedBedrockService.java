package io.bedrockgateway.client;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The router, bound to one routing key: each call goes the way {@link TrafficSplit} decides for the
 * key, and falls back to direct Bedrock only when the gateway itself failed before the first byte
 * of an answer ({@link BedrockClientException.Unavailable}) or its breaker is open, and fallback is
 * on. A 4xx of the gateway (429 included), and a stream that failed after it began, surface as they
 * are: the call is never run a second time.
 */
final class RoutedBedrockService implements BedrockService {
  private final String routingKey;
  private final Router router;

  RoutedBedrockService(String routingKey, Router router) {
    TrafficSplit.bucket(routingKey);
    this.routingKey = routingKey;
    this.router = router;
  }

  /** What the routed services share: the two paths, the split, the breaker and the listener. */
  record Router(
      BedrockService gateway,
      BedrockService direct,
      TrafficSplit split,
      GatewayBreaker breaker,
      boolean fallbackToDirect,
      ClientListener listener) {}

  @Override
  public StreamResult converseStream(
      String model,
      List<ChatMessage> messages,
      String systemPrompt,
      ChatOptions options,
      StreamHandler handler) {
    return call(
        Operation.CONVERSE_STREAM,
        path -> path.converseStream(model, messages, systemPrompt, options, handler),
        StreamResult::withRoute);
  }

  @Override
  public ChatReply converse(
      String model, List<ChatMessage> messages, String systemPrompt, ChatOptions options) {
    return call(
        Operation.CONVERSE,
        path -> path.converse(model, messages, systemPrompt, options),
        ChatReply::withRoute);
  }

  @Override
  public GeneratedImages generateImage(String prompt, ImageOptions options) {
    return call(
        Operation.GENERATE_IMAGE,
        path -> path.generateImage(prompt, options),
        GeneratedImages::withRoute);
  }

  @Override
  public Embedding createTextEmbedding(String text, EmbeddingOptions options) {
    return call(
        Operation.TEXT_EMBEDDING,
        path -> path.createTextEmbedding(text, options),
        Embedding::withRoute);
  }

  @Override
  public Embeddings createTextEmbeddings(List<String> texts, EmbeddingOptions options) {
    return call(
        Operation.TEXT_EMBEDDING_BATCH,
        path -> path.createTextEmbeddings(texts, options),
        Embeddings::withRoute);
  }

  @Override
  public Embedding createImageEmbedding(byte[] image, String caption, EmbeddingOptions options) {
    return call(
        Operation.IMAGE_EMBEDDING,
        path -> path.createImageEmbedding(image, caption, options),
        Embedding::withRoute);
  }

  private <T> T call(
      Operation operation, Function<BedrockService, T> call, BiFunction<T, Route, T> withRoute) {
    Route route = router.split().decide(routingKey);
    if (route.path() == Path.DIRECT) {
      return on(router.direct(), operation, call, withRoute, route);
    }
    GatewayBreaker breaker = router.breaker();
    if (!breaker.tryEnter()) {
      return fallBack(
          operation,
          call,
          withRoute,
          route,
          new BedrockClientException.Unavailable(
              Path.GATEWAY,
              FailureCause.BREAKER_OPEN,
              "the gateway failed repeatedly; calls skip it until its cool-down ends",
              null));
    }
    long start = System.nanoTime();
    try {
      T result = on(router.gateway(), operation, call, withRoute, route);
      breaker.answered(start);
      return result;
    } catch (BedrockClientException.Unavailable failure) {
      breaker.failed(start, failure);
      return fallBack(operation, call, withRoute, route, failure);
    } catch (BedrockClientException.StreamInterrupted failure) {
      if (failure.connectionLost()) {
        breaker.failed(start, failure);
      } else {
        breaker.answered(start);
      }
      throw failure;
    } catch (BedrockClientException.Failed failure) {
      breaker.failed(start, failure);
      throw failure;
    } catch (BedrockClientException.Refused | BedrockClientException.RateLimited refusal) {
      breaker.answered(start);
      throw refusal;
    } catch (RuntimeException | Error other) {
      breaker.released();
      throw other;
    }
  }

  private <T> T fallBack(
      Operation operation,
      Function<BedrockService, T> call,
      BiFunction<T, Route, T> withRoute,
      Route route,
      BedrockClientException.Unavailable failure) {
    if (!router.fallbackToDirect()) {
      throw failure;
    }
    router.listener().onFallback(operation, failure.failureCause());
    return on(
        router.direct(), operation, call, withRoute, route.fallenBack(failure.failureCause()));
  }

  /** The call on one path, reported to the listener once it ended. */
  private <T> T on(
      BedrockService path,
      Operation operation,
      Function<BedrockService, T> call,
      BiFunction<T, Route, T> withRoute,
      Route route) {
    boolean succeeded = false;
    try {
      T result = withRoute.apply(call.apply(path), route);
      succeeded = true;
      return result;
    } finally {
      router.listener().onCall(operation, route, succeeded);
    }
  }
}
