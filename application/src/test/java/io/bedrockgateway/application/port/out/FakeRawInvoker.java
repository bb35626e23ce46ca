package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationChunk;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import io.bedrockgateway.domain.invoke.StreamUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RawInvoker} in memory that answers like a Claude model on Bedrock, for tests: the answer
 * is a fixed list of words, streamed one a chunk as Anthropic's events ({@code message_start} with
 * the prompt's usage, a text delta per word, {@code message_delta} with the output, {@code
 * message_stop}). The prompt counts {@link InvocationBody#estimatedPromptTokens()} tokens, each
 * word one output token. A body that contains {@value #REFUSED} is refused. It can be told to fail
 * a stream after some chunks.
 */
public final class FakeRawInvoker implements RawInvoker {
  /** A body containing this is refused, as a model refuses a malformed body. */
  public static final String REFUSED = "refuse-me";

  /** The routes of the calls made, in order. */
  public final List<ModelRoute> routes = new CopyOnWriteArrayList<>();

  private final List<String> words;
  private final long cacheRead;
  private Optional<Failure> failure = Optional.empty();
  private boolean together;

  private record Failure(int afterChunks, GatewayException error) {}

  /**
   * @param words the answer's words
   * @param cacheRead the prompt tokens reported as read from the prompt cache, out of the prompt's
   */
  public FakeRawInvoker(List<String> words, long cacheRead) {
    this.words = List.copyOf(words);
    this.cacheRead = cacheRead;
  }

  public FakeRawInvoker() {
    this(List.of("hello ", "from ", "the ", "fake "), 0);
  }

  /** Streams fail with {@code error} once {@code afterChunks} chunks were sent. */
  public FakeRawInvoker failingAfter(int afterChunks, GatewayException error) {
    failure = Optional.of(new Failure(afterChunks, error));
    return this;
  }

  @Override
  public InvocationResponse invoke(ModelRoute route, InvocationBody body) {
    routes.add(route);
    refuseIfAsked(body);
    String message =
        "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\""
            + String.join("", words)
            + "\"}],\"usage\":"
            + usageJson(usage(body))
            + "}";
    return new InvocationResponse(
        message.getBytes(StandardCharsets.UTF_8),
        "application/json",
        route.primaryModel(),
        Optional.of(usage(body)));
  }

  /**
   * Streams give the first chunk alone and the rest together, as the Bedrock adapter's relay does
   * with chunks that arrived while the first was written.
   */
  public FakeRawInvoker arrivingTogether() {
    together = true;
    return this;
  }

  @Override
  public InvocationSummary invokeStream(
      ModelRoute route, InvocationBody body, InvocationStreamSink sink) {
    routes.add(route);
    refuseIfAsked(body);
    ModelId model = route.primaryModel();
    TokenUsage usage = usage(body);
    TokenUsage started =
        new TokenUsage(
            usage.inputTokens(), 1, usage.cacheReadInputTokens(), usage.cacheWriteInputTokens());
    List<InvocationChunk> chunks = new ArrayList<>();
    chunks.add(
        chunk(
            "{\"type\":\"message_start\",\"message\":{\"usage\":" + usageJson(started) + "}}",
            "",
            Optional.of(new StreamUsage(started, false))));
    for (String word : words) {
      chunks.add(
          chunk(
              "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                  + word
                  + "\"}}",
              word,
              Optional.empty()));
    }
    chunks.add(
        chunk(
            "{\"type\":\"message_delta\",\"usage\":{\"output_tokens\":" + words.size() + "}}",
            "",
            Optional.of(new StreamUsage(usage, true))));
    chunks.add(chunk("{\"type\":\"message_stop\"}", "", Optional.empty()));
    sink.serving(model);
    if (together) {
      sink.accept(chunks.getFirst());
      sink.acceptChunks(chunks.subList(1, chunks.size()));
      return new InvocationSummary(model, Optional.of(new StreamUsage(usage, true)));
    }
    for (int index = 0; index < chunks.size(); index++) {
      if (failure.isPresent() && failure.get().afterChunks() == index) {
        throw failure.get().error();
      }
      sink.accept(chunks.get(index));
    }
    return new InvocationSummary(model, Optional.of(new StreamUsage(usage, true)));
  }

  @Override
  public long countTokens(ModelRoute route, InvocationBody body) {
    routes.add(route);
    refuseIfAsked(body);
    return body.estimatedPromptTokens();
  }

  private TokenUsage usage(InvocationBody body) {
    long prompt = body.estimatedPromptTokens();
    long read = Math.min(cacheRead, prompt);
    return new TokenUsage(prompt - read, words.size(), read, 0);
  }

  private static void refuseIfAsked(InvocationBody body) {
    if (new String(body.bytes(), StandardCharsets.UTF_8).contains(REFUSED)) {
      throw new UpstreamRejected("Malformed input request: the body asked to be refused");
    }
  }

  private static InvocationChunk chunk(String json, String output, Optional<StreamUsage> usage) {
    return new InvocationChunk(json.getBytes(StandardCharsets.UTF_8), output, usage);
  }

  private static String usageJson(TokenUsage usage) {
    return "{\"input_tokens\":"
        + usage.inputTokens()
        + ",\"cache_read_input_tokens\":"
        + usage.cacheReadInputTokens()
        + ",\"cache_creation_input_tokens\":"
        + usage.cacheWriteInputTokens()
        + ",\"output_tokens\":"
        + usage.outputTokens()
        + "}";
  }
}
