package io.bedrockgateway.client;

import java.util.List;

/**
 * What an application codes against: the operations of the integration plan's {@code
 * BedrockService}. Three implementations: through the gateway, direct to Bedrock, and the router
 * {@link BedrockGatewayClient#forRoutingKey} returns, which picks one of the two per call.
 *
 * <p>A {@code model} or an options' model left {@code null} is the client's default for that
 * operation, the same on both paths. Failures are {@link BedrockClientException}s.
 */
public interface BedrockService {

  /**
   * Streams an answer: {@code handler} receives each event as it arrives; returns when the stream
   * ended. A failure after the first event throws {@link BedrockClientException.StreamInterrupted}.
   */
  StreamResult converseStream(
      String model,
      List<ChatMessage> messages,
      String systemPrompt,
      ChatOptions options,
      StreamHandler handler);

  ChatReply converse(
      String model, List<ChatMessage> messages, String systemPrompt, ChatOptions options);

  GeneratedImages generateImage(String prompt, ImageOptions options);

  Embedding createTextEmbedding(String text, EmbeddingOptions options);

  /** 1..100 texts, embedded in order. */
  Embeddings createTextEmbeddings(List<String> texts, EmbeddingOptions options);

  /** An image (PNG or JPEG bytes), with an optional caption. */
  Embedding createImageEmbedding(byte[] image, String caption, EmbeddingOptions options);

  default GeneratedImages generateImage(String prompt) {
    return generateImage(prompt, ImageOptions.DEFAULTS);
  }

  default Embedding createTextEmbedding(String text) {
    return createTextEmbedding(text, EmbeddingOptions.DEFAULTS);
  }

  default Embeddings createTextEmbeddings(List<String> texts) {
    return createTextEmbeddings(texts, EmbeddingOptions.DEFAULTS);
  }

  default Embedding createImageEmbedding(byte[] image) {
    return createImageEmbedding(image, null, EmbeddingOptions.DEFAULTS);
  }
}
