package io.bedrockgateway.domain.usage;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One record per request, whatever its outcome. It holds the key's public id and labels, never the
 * key itself. The cost is absent when the served model has no price; {@code images} counts the
 * images generated; {@code tokensSource} says whether the model counted the tokens or the gateway
 * estimated them.
 *
 * @param id the gateway's own id of this event, assigned once per request: what makes storing it
 *     idempotent. The client's request id ({@code context.requestId()}) is kept as a label only,
 *     since clients may reuse one.
 */
public record UsageEvent(
    UsageEventId id,
    RequestContext context,
    Optional<Principal> principal,
    Operation operation,
    Optional<ModelId> requestedModel,
    Optional<ModelId> servedModel,
    Outcome outcome,
    Optional<String> errorKind,
    TokenUsage usage,
    int images,
    Optional<Usd> cost,
    Duration latency,
    Optional<Duration> timeToFirstToken,
    boolean streamed,
    TokensSource tokensSource) {

  public UsageEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(requestedModel, "requestedModel");
    Objects.requireNonNull(servedModel, "servedModel");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(errorKind, "errorKind");
    Objects.requireNonNull(usage, "usage");
    if (images < 0) {
      throw new IllegalArgumentException("images must not be negative");
    }
    Objects.requireNonNull(cost, "cost");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
    if ((outcome == Outcome.SUCCEEDED) != errorKind.isEmpty()) {
      throw new IllegalArgumentException("an error kind is given exactly when the request failed");
    }
    Objects.requireNonNull(tokensSource, "tokensSource");
  }

  /** A record whose tokens, if any, the model counted. */
  public UsageEvent(
      UsageEventId id,
      RequestContext context,
      Optional<Principal> principal,
      Operation operation,
      Optional<ModelId> requestedModel,
      Optional<ModelId> servedModel,
      Outcome outcome,
      Optional<String> errorKind,
      TokenUsage usage,
      int images,
      Optional<Usd> cost,
      Duration latency,
      Optional<Duration> timeToFirstToken,
      boolean streamed) {
    this(
        id,
        context,
        principal,
        operation,
        requestedModel,
        servedModel,
        outcome,
        errorKind,
        usage,
        images,
        cost,
        latency,
        timeToFirstToken,
        streamed,
        usage.totalTokens() == 0 ? TokensSource.NONE : TokensSource.UPSTREAM);
  }
}
