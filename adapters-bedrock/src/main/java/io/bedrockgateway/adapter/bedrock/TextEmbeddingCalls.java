package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.embedding.Embedding;
import io.bedrockgateway.domain.embedding.EmbeddingResult;
import io.bedrockgateway.domain.embedding.TextEmbeddingRequest;
import io.bedrockgateway.domain.error.BatchItemFailed;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.UpstreamFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Embeds every text of a request on one model: in chunks as large as the model takes (Cohere: 96),
 * at most {@value #PARALLEL_CALLS} calls at a time, results in the order of the texts. The first
 * chunk that fails fails them all, and the failure names the first text of that chunk.
 */
final class TextEmbeddingCalls {
  static final int PARALLEL_CALLS = 8;

  private TextEmbeddingCalls() {}

  /** One call: the chunk's embeddings and its input tokens. */
  record Chunk(List<Embedding> embeddings, long inputTokens) {}

  static EmbeddingResult embed(
      ModelId model,
      TextEmbedder embedder,
      TextEmbeddingRequest request,
      Function<TextEmbeddingRequest, Chunk> call) {
    int size = embedder.textsPerCall();
    int texts = request.texts().size();
    if (texts <= size) {
      Chunk only = call.apply(request);
      return new EmbeddingResult(only.embeddings(), only.inputTokens(), model);
    }
    Semaphore permits = new Semaphore(PARALLEL_CALLS);
    List<Future<Chunk>> chunks = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int from = 0; from < texts; from += size) {
        TextEmbeddingRequest slice = request.slice(from, Math.min(texts, from + size));
        chunks.add(callers.submit(() -> limited(permits, () -> call.apply(slice))));
      }
      List<Embedding> embeddings = new ArrayList<>(texts);
      long inputTokens = 0;
      for (int chunk = 0; chunk < chunks.size(); chunk++) {
        Chunk done = await(chunks.get(chunk), chunk * size, chunks);
        embeddings.addAll(done.embeddings());
        inputTokens += done.inputTokens();
      }
      return new EmbeddingResult(embeddings, inputTokens, model);
    }
  }

  private static Chunk limited(Semaphore permits, java.util.function.Supplier<Chunk> call)
      throws InterruptedException {
    permits.acquire();
    try {
      return call.get();
    } finally {
      permits.release();
    }
  }

  private static Chunk await(Future<Chunk> chunk, int firstText, List<Future<Chunk>> all) {
    try {
      return chunk.get();
    } catch (ExecutionException failed) {
      all.forEach(other -> other.cancel(true));
      throw itemFailure(failed.getCause(), firstText);
    } catch (InterruptedException interrupted) {
      all.forEach(other -> other.cancel(true));
      throw Calls.cancelledByCaller(interrupted);
    }
  }

  private static RuntimeException itemFailure(Throwable cause, int index) {
    return switch (cause) {
      case TargetFailure failure ->
          new TargetFailure(
              new BatchItemFailed("texts", index, failure.error()), failure.retryable(), false);
      case GatewayException failure -> new BatchItemFailed("texts", index, failure);
      default ->
          new BatchItemFailed(
              "texts", index, new UpstreamFailed("embedding the text failed: " + cause));
    };
  }
}
