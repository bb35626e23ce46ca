package io.bedrockgateway.domain.invoke;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One chunk of a streamed invocation, as Bedrock sent it (for Claude, one Anthropic stream event as
 * JSON), with what the gateway read from it.
 *
 * @param bytes the chunk's payload, unchanged
 * @param output the text, reasoning or tool input the chunk adds to the answer, for estimates and
 *     the time to the first token; empty when it adds none
 * @param usage the usage reported so far, when this chunk reported some
 */
public record InvocationChunk(byte[] bytes, String output, Optional<StreamUsage> usage) {
  public InvocationChunk {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(usage, "usage");
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InvocationChunk chunk
        && Arrays.equals(bytes, chunk.bytes)
        && output.equals(chunk.output)
        && usage.equals(chunk.usage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(bytes), output, usage);
  }

  @Override
  public String toString() {
    return "InvocationChunk["
        + bytes.length
        + " bytes, output="
        + output
        + ", usage="
        + usage
        + "]";
  }
}
