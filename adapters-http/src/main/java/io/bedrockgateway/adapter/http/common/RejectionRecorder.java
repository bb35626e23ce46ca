package io.bedrockgateway.adapter.http.common;

import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.usage.Operation;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * Builds a use case's command from an authenticated request, and records the request when building
 * it fails (malformed or invalid body, body too large), so that the ledger holds every request of a
 * key: what the use case itself refuses, it records itself.
 */
public final class RejectionRecorder {
  private final RecordRejectionUseCase rejections;
  private final RequestFacts facts;

  public RejectionRecorder(RecordRejectionUseCase rejections, RequestFacts facts) {
    this.rejections = rejections;
    this.facts = facts;
  }

  public <T> T commandOrRecord(Context ctx, Operation operation, Supplier<T> command) {
    try {
      return command.get();
    } catch (GatewayException rejected) {
      rejections.record(
          new RejectedRequest(KeyGate.caller(ctx), operation, facts.context(ctx), rejected));
      throw rejected;
    }
  }
}
