package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.EmbeddingInvoker;
import io.bedrockgateway.application.port.out.ImageInvoker;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.ImageEmbeddingRequest;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.image.GeneratedImages;
import io.bedrockgateway.domain.image.ImageRequest;
import io.bedrockgateway.domain.media.BinaryData;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The model ports over Bedrock Runtime: Converse for chat ({@link ChatInvoker}), InvokeModel for
 * embeddings ({@link EmbeddingInvoker}) and images ({@link ImageInvoker}), and, through {@link
 * #raw()}, InvokeModel with the caller's own body ({@link RawInvoker}). Every operation blocks the
 * calling (virtual) thread and runs through one {@link Failover}, so every port shares the targets'
 * circuit breakers. Calls answered in one reply run on the calling thread through the region's sync
 * client, bounded by the request timeout; streams run through its async client, and a caller that
 * gives up on a stream (timeout, interrupt, a sink that throws) cancels it and frees the connection
 * at once. Close it on shutdown.
 */
public final class BedrockModelInvoker
    implements ChatInvoker, EmbeddingInvoker, ImageInvoker, TokenCounter, AutoCloseable {

  /** How long a count of a prompt may take: it runs after the client left, so it is brief. */
  static final Duration COUNT_TOKENS_TIMEOUT = Duration.ofSeconds(2);

  /** The models Bedrock's CountTokens counts for: Anthropic's. */
  private static final String COUNTABLE_MODELS = "anthropic.";

  private static final Logger LOG = LoggerFactory.getLogger(BedrockModelInvoker.class);

  private final BedrockClients clients;
  private final Failover failover;
  private final LastOutcome lastOutcome;
  private final Duration requestTimeout;
  private final Duration streamIdleTimeout;

  private BedrockModelInvoker(
      BedrockClients clients, BedrockSettings settings, UpstreamObserver observer) {
    this.clients = clients;
    this.lastOutcome = new LastOutcome(Clock.systemUTC());
    this.failover = new Failover(settings.resilience(), Clock.systemUTC(), observer, lastOutcome);
    this.requestTimeout = settings.requestTimeout();
    this.streamIdleTimeout = settings.streamIdleTimeout();
  }

  /**
   * @param observer told what the failover does: failed attempts, retries, fallbacks
   */
  public static BedrockModelInvoker create(BedrockSettings settings, UpstreamObserver observer) {
    return new BedrockModelInvoker(new BedrockClients(settings), settings, observer);
  }

  /** InvokeModel with the caller's own body, sharing this invoker's clients and failover. */
  RawInvoker raw() {
    return new BedrockRawInvoker(clients, failover, requestTimeout, streamIdleTimeout);
  }

  /** Bedrock's health as this invoker sees it, without a call of its own. */
  BedrockProbe probe() {
    return new BedrockProbe(clients, lastOutcome, Clock.systemUTC());
  }

  @Override
  public ChatResponse converse(ModelRoute route, ChatRequest request) {
    return failover.call(
        route,
        target ->
            ConverseResponseMapper.toChatResponse(
                Calls.reply(
                    () ->
                        replies(target)
                            .converse(
                                ConverseRequestMapper.toConverseRequest(target.model(), request)),
                    requestTimeout,
                    target.model()),
                target.model()));
  }

  @Override
  public StreamSummary converseStream(ModelRoute route, ChatRequest request, ChatStreamSink sink) {
    return failover.call(route, target -> stream(target, request, sink));
  }

  private StreamSummary stream(ModelTarget target, ChatRequest request, ChatStreamSink sink) {
    ModelId model = target.model();
    StreamHandOff.Converse handOff = new StreamHandOff.Converse();
    CompletableFuture<Void> call =
        clients
            .streams(target.region())
            .converseStream(ConverseRequestMapper.toConverseStreamRequest(model, request), handOff);
    return handOff.drain(
        call, () -> new StreamRelay(handOff, sink, streamIdleTimeout, model).relay());
  }

  /** Bedrock's CountTokens for the conversation, through the failover like every call. */
  @Override
  public long countTokens(ModelRoute route, ChatRequest request) {
    return failover.call(
        route,
        target -> {
          Integer counted =
              Calls.reply(
                      () ->
                          replies(target)
                              .countTokens(
                                  ConverseRequestMapper.toCountTokensRequest(
                                      target.model(), request)),
                      requestTimeout,
                      target.model())
                  .inputTokens();
          return counted == null ? 0L : counted.longValue();
        });
  }

  /**
   * Bedrock's CountTokens for Anthropic models, in the gateway's own region, without retries; any
   * failure, and any other model, counts nothing.
   */
  @Override
  public OptionalLong inputTokens(ModelId model, ChatRequest request) {
    if (!model.baseModelId().startsWith(COUNTABLE_MODELS)) {
      return OptionalLong.empty();
    }
    try {
      Integer counted =
          Calls.reply(
                  () ->
                      clients
                          .replies(Optional.empty())
                          .countTokens(
                              ConverseRequestMapper.toCountTokensRequest(model, request).toBuilder()
                                  .overrideConfiguration(
                                      call -> call.apiCallTimeout(COUNT_TOKENS_TIMEOUT))
                                  .build()),
                  COUNT_TOKENS_TIMEOUT,
                  model)
              .inputTokens();
      return counted == null ? OptionalLong.empty() : OptionalLong.of(counted);
    } catch (RuntimeException failed) {
      LOG.debug(
          "CountTokens failed for {}; the prompt is estimated: {}", model, failed.getMessage());
      return OptionalLong.empty();
    }
  }

  @Override
  public EmbeddingResult embedTexts(ModelRoute route, TextEmbeddingRequest request) {
    return failover.call(
        route,
        target -> {
          ModelId model = target.model();
          TextEmbedder embedder =
              TextEmbedder.forModel(model)
                  .orElseThrow(
                      () ->
                          unsupported(
                              model, "a text embedding model (Titan Text Embeddings, Cohere v3)"));
          embedder.check(model, request);
          return TextEmbeddingCalls.embed(
              model,
              embedder,
              request,
              slice -> {
                InvokeReply reply =
                    InvokeReply.call(
                        replies(target),
                        model,
                        embedder.body(slice.texts(), slice),
                        requestTimeout);
                return new TextEmbeddingCalls.Chunk(
                    embedder.embeddings(reply.body()),
                    reply.inputTokens().or(() -> embedder.inputTokens(reply.body())).orElse(0L));
              });
        });
  }

  @Override
  public EmbeddingResult embedImage(ModelRoute route, ImageEmbeddingRequest request) {
    return failover.call(
        route,
        target -> {
          ModelId model = target.model();
          TitanImageEmbedder.check(model, request);
          InvokeReply reply =
              InvokeReply.call(
                  replies(target), model, TitanImageEmbedder.body(request), requestTimeout);
          return new EmbeddingResult(
              List.of(TitanImageEmbedder.embedding(reply.body())),
              reply.inputTokens().orElse(0L),
              model);
        });
  }

  @Override
  public GeneratedImages generateImage(ModelRoute route, ImageRequest request) {
    return failover.call(
        route,
        target -> {
          ModelId model = target.model();
          ImageGenerator generator =
              ImageGenerator.forModel(model)
                  .orElseThrow(
                      () ->
                          unsupported(
                              model,
                              "an image model (Titan Image Generator, Nova Canvas, Stability)"));
          List<BinaryData> images = new ArrayList<>();
          List<Integer> calls = generator.imagesPerCall(request);
          for (int call = 0; call < calls.size(); call++) {
            InvokeReply reply =
                InvokeReply.call(
                    replies(target),
                    model,
                    generator.body(request, call, calls.get(call)),
                    requestTimeout);
            generator.images(reply.body()).stream()
                .map(image -> new BinaryData(Base64.getDecoder().decode(image)))
                .forEach(images::add);
          }
          return new GeneratedImages(images, model);
        });
  }

  private static InvalidRequest unsupported(ModelId model, String kind) {
    return new InvalidRequest(
        "model_id: " + model + " is not " + kind + " that the gateway can call");
  }

  private BedrockRuntimeClient replies(ModelTarget target) {
    return clients.replies(target.region());
  }

  @Override
  public void close() {
    clients.close();
  }
}
