package io.bedrockgateway.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The catalogue an operator writes for applications that cannot change their model string: {@code
 * gpt-4o} as Claude Sonnet, {@code text-embedding-3-small} as Titan v2, {@code dall-e-3} as Stable
 * Image Core.
 */
final class OpenAiGateway {
  static final String CATALOGUE =
      """
      {"models": {"catalogue": [
        {"id": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
         "aliases": ["claude-sonnet", "claude", "gpt-4o"],
         "operations": ["chat"], "streaming": true, "input_modalities": ["text", "image", "document"]},
        {"id": "amazon.titan-embed-text-v2:0", "aliases": ["titan-embed-text-v2", "text-embedding-3-small"],
         "operations": ["embed"], "streaming": false, "input_modalities": ["text"]},
        {"id": "stability.stable-image-core-v1:1", "aliases": ["stable-image-core", "dall-e-3"],
         "region": "us-west-2", "operations": ["image"], "streaming": false, "input_modalities": ["text"]}
      ]}}
      """;

  private OpenAiGateway() {}

  /** The catalogue written to a file in {@code directory}, for {@code GATEWAY_CONFIG}. */
  static String catalogue(Path directory) {
    try {
      return Files.writeString(directory.resolve("gateway.json"), CATALOGUE).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
