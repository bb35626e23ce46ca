package io.bedrockgateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;

/**
 * The calls straight to Bedrock Runtime with the AWS SDK (the application's own credentials):
 * Converse, ConverseStream, and InvokeModel for embeddings and images. Events reach the handler on
 * the caller's thread, as on the gateway path; a stream silent for {@link #STREAM_IDLE} fails.
 */
final class DirectBedrockService implements BedrockService {
  static final Duration STREAM_IDLE = Duration.ofSeconds(60);
  private static final Route ROUTE = Route.decided(Path.DIRECT, RouteReason.GATEWAY_OFF, 0);
  private static final Object END = new Object();

  private final BedrockRuntimeAsyncClient bedrock;
  private final DefaultModels models;
  private final ObjectMapper json = new ObjectMapper();

  DirectBedrockService(BedrockRuntimeAsyncClient bedrock, DefaultModels models) {
    this.bedrock = bedrock;
    this.models = models;
  }

  @Override
  public StreamResult converseStream(
      String model,
      List<ChatMessage> messages,
      String systemPrompt,
      ChatOptions options,
      StreamHandler handler) {
    ChatCall call = ChatCall.of(models, model, messages, systemPrompt, options);
    BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    CompletableFuture<Void> done =
        bedrock.converseStream(
            DirectMessages.converseStream(call),
            ConverseStreamResponseHandler.builder().subscriber(arrivals::add).build());
    done.whenComplete((ignored, failure) -> arrivals.add(failure == null ? END : failure));
    try {
      return drain(arrivals, handler);
    } finally {
      done.cancel(true);
    }
  }

  private StreamResult drain(BlockingQueue<Object> arrivals, StreamHandler handler) {
    boolean started = false;
    String stopReason = null;
    Usage usage = Usage.NONE;
    while (true) {
      Object next = poll(arrivals, started);
      if (next == END) {
        break;
      }
      if (next instanceof Throwable failure) {
        throw started ? DirectErrors.midStream(failure) : DirectErrors.beforeAnswer(failure);
      }
      started = true;
      StreamEvent event = DirectStreamEvents.of((ConverseStreamOutput) next);
      if (event == null) {
        continue;
      }
      handler.onEvent(event);
      if (event instanceof StreamEvent.MessageStop stop) {
        stopReason = stop.stopReason();
      } else if (event instanceof StreamEvent.Metadata metadata) {
        usage = metadata.usage();
      }
    }
    if (stopReason == null) {
      throw new BedrockClientException.StreamInterrupted(
          Path.DIRECT, "connection_lost", "the stream ended before messageStop", true, null);
    }
    return new StreamResult(stopReason, usage, ROUTE);
  }

  private static Object poll(BlockingQueue<Object> arrivals, boolean started) {
    try {
      Object next = arrivals.poll(STREAM_IDLE.toMillis(), TimeUnit.MILLISECONDS);
      if (next != null) {
        return next;
      }
      String detail = "Bedrock sent nothing for " + STREAM_IDLE.toSeconds() + " s";
      if (started) {
        throw new BedrockClientException.StreamInterrupted(
            Path.DIRECT, "timeout", detail, true, null);
      }
      throw new BedrockClientException.Unavailable(Path.DIRECT, FailureCause.TIMEOUT, detail, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BedrockClientException.Failed(Path.DIRECT, 0, "interrupted", e);
    }
  }

  @Override
  public ChatReply converse(
      String model, List<ChatMessage> messages, String systemPrompt, ChatOptions options) {
    ChatCall call = ChatCall.of(models, model, messages, systemPrompt, options);
    return DirectMessages.reply(
        await(bedrock.converse(DirectMessages.converse(call))), call.model(), ROUTE);
  }

  @Override
  public GeneratedImages generateImage(String prompt, ImageOptions options) {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("prompt must not be blank");
    }
    ImageOptions resolved = options == null ? ImageOptions.DEFAULTS : options;
    String model = models.imageOr(resolved.model());
    int calls =
        DirectModelBodies.isStability(model) && resolved.numberOfImages() != null
            ? resolved.numberOfImages()
            : 1;
    List<String> images = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      images.addAll(
          DirectModelBodies.images(
              invoke(model, DirectModelBodies.image(model, prompt, resolved))));
    }
    return new GeneratedImages(images, model, ROUTE);
  }

  @Override
  public Embedding createTextEmbedding(String text, EmbeddingOptions options) {
    Texts.requireBatch(List.of(text == null ? "" : text));
    EmbeddingOptions resolved = options == null ? EmbeddingOptions.DEFAULTS : options;
    String model = models.textEmbeddingOr(resolved.model());
    JsonNode answer =
        invoke(model, DirectModelBodies.textEmbedding(model, text, resolved.dimensions()));
    return new Embedding(DirectModelBodies.vectors(answer).getFirst(), model, ROUTE);
  }

  @Override
  public Embeddings createTextEmbeddings(List<String> texts, EmbeddingOptions options) {
    Texts.requireBatch(texts);
    EmbeddingOptions resolved = options == null ? EmbeddingOptions.DEFAULTS : options;
    String model = models.textEmbeddingOr(resolved.model());
    List<List<Float>> vectors = new ArrayList<>();
    if (DirectModelBodies.isCohere(model)) {
      for (int from = 0; from < texts.size(); from += DirectModelBodies.COHERE_BATCH) {
        List<String> part =
            texts.subList(from, Math.min(texts.size(), from + DirectModelBodies.COHERE_BATCH));
        vectors.addAll(DirectModelBodies.vectors(invoke(model, DirectModelBodies.cohere(part))));
      }
    } else {
      for (String text : texts) {
        vectors.add(
            DirectModelBodies.vectors(
                    invoke(
                        model, DirectModelBodies.textEmbedding(model, text, resolved.dimensions())))
                .getFirst());
      }
    }
    return new Embeddings(vectors, model, ROUTE);
  }

  @Override
  public Embedding createImageEmbedding(byte[] image, String caption, EmbeddingOptions options) {
    Texts.requireImage(image);
    EmbeddingOptions resolved = options == null ? EmbeddingOptions.DEFAULTS : options;
    String model = models.imageEmbeddingOr(resolved.model());
    JsonNode answer =
        invoke(model, DirectModelBodies.imageEmbedding(image, caption, resolved.dimensions()));
    return new Embedding(DirectModelBodies.vectors(answer).getFirst(), model, ROUTE);
  }

  private JsonNode invoke(String model, ObjectNode body) {
    try {
      SdkBytes answer =
          await(
                  bedrock.invokeModel(
                      InvokeModelRequest.builder()
                          .modelId(model)
                          .contentType("application/json")
                          .accept("application/json")
                          .body(SdkBytes.fromByteArray(json.writeValueAsBytes(body)))
                          .build()))
              .body();
      return json.readTree(answer.asByteArrayUnsafe());
    } catch (JsonProcessingException e) {
      throw new BedrockClientException.Failed(
          Path.DIRECT, 0, "Bedrock's answer is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new BedrockClientException.Failed(Path.DIRECT, 0, String.valueOf(e), e);
    }
  }

  /** The call's answer, waited for at most {@link DirectClients#CALL_TIMEOUT}. */
  private static <T> T await(CompletableFuture<T> call) {
    try {
      return call.get(DirectClients.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw DirectErrors.beforeAnswer(e);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new BedrockClientException.Unavailable(
          Path.DIRECT, FailureCause.TIMEOUT, "Bedrock did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      throw new BedrockClientException.Failed(Path.DIRECT, 0, "interrupted", e);
    }
  }
}
