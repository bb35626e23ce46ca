package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;

/**
 * Invokes a model with a body in its own format (Bedrock's InvokeModel: for Claude, Anthropic's
 * Messages request with {@code anthropic_version}), passing the answer back unchanged and reading
 * the usage from it. Calls go along a {@link ModelRoute} with the failover of {@link ChatInvoker}:
 * the preferred target first, its fallbacks when it is throttled or unavailable, retrying only
 * while nothing has reached the caller. Failures surface as {@link
 * io.bedrockgateway.domain.error.GatewayException}s (a model's refusal of the body as {@link
 * io.bedrockgateway.domain.error.UpstreamRejected} with the model's own message), never as a
 * vendor's exceptions.
 */
public interface RawInvoker {
  /** The whole answer (InvokeModel). */
  InvocationResponse invoke(ModelRoute route, InvocationBody body);

  /**
   * Streams the answer's chunks into {@code sink} as they arrive (InvokeModelWithResponseStream)
   * and returns when the stream is over. If the sink throws, the upstream call is cancelled and the
   * exception propagates; a failure after the first chunk is thrown as it is, never retried.
   */
  InvocationSummary invokeStream(ModelRoute route, InvocationBody body, InvocationStreamSink sink);

  /** The input tokens the model counts in the body (Bedrock's CountTokens). */
  long countTokens(ModelRoute route, InvocationBody body);
}
