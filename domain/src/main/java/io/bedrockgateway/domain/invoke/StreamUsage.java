package io.bedrockgateway.domain.invoke;

import io.bedrockgateway.domain.chat.TokenUsage;
import java.util.Objects;

/**
 * The usage a model reported in a stream so far.
 *
 * @param tokens the counts read until now: the prompt's (and its cache's) once the stream began,
 *     the output's as the model reports it
 * @param complete whether these are the model's final counts (its closing usage or Bedrock's
 *     invocation metrics), or the output may still grow
 */
public record StreamUsage(TokenUsage tokens, boolean complete) {
  public StreamUsage {
    Objects.requireNonNull(tokens, "tokens");
  }
}
