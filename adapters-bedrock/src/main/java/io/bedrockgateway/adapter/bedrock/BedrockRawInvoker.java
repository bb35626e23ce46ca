package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.invoke.InvocationBody;
import io.bedrockgateway.domain.invoke.InvocationResponse;
import io.bedrockgateway.domain.invoke.InvocationStreamSink;
import io.bedrockgateway.domain.invoke.InvocationSummary;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelTokensRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;

/**
 * {@link RawInvoker} over Bedrock Runtime: InvokeModel, InvokeModelWithResponseStream and
 * CountTokens with the caller's body, unchanged, through the same clients, failover, timeouts and
 * error translation as chat. The usage is read from what Bedrock sends ({@link InvocationUsage}).
 */
final class BedrockRawInvoker implements RawInvoker {
  private static final String JSON = "application/json";

  private final BedrockClients clients;
  private final Failover failover;
  private final Duration requestTimeout;
  private final Duration streamIdleTimeout;

  BedrockRawInvoker(
      BedrockClients clients,
      Failover failover,
      Duration requestTimeout,
      Duration streamIdleTimeout) {
    this.clients = clients;
    this.failover = failover;
    this.requestTimeout = requestTimeout;
    this.streamIdleTimeout = streamIdleTimeout;
  }

  @Override
  public InvocationResponse invoke(ModelRoute route, InvocationBody body) {
    return failover.call(
        route,
        target -> {
          ModelId model = target.model();
          InvokeModelResponse response =
              InvokeReply.send(
                  clients.replies(target.region()), model, body.bytes(), requestTimeout);
          byte[] answer = response.body().asByteArray();
          return new InvocationResponse(
              answer,
              Optional.ofNullable(response.contentType()).orElse(JSON),
              model,
              InvocationUsage.ofHeaders(response.sdkHttpResponse())
                  .or(() -> InvocationUsage.ofMessage(answer)));
        });
  }

  @Override
  public InvocationSummary invokeStream(
      ModelRoute route, InvocationBody body, InvocationStreamSink sink) {
    return failover.call(
        route,
        target -> {
          ModelId model = target.model();
          StreamHandOff.Invoke handOff = new StreamHandOff.Invoke();
          CompletableFuture<Void> call =
              clients
                  .streams(target.region())
                  .invokeModelWithResponseStream(
                      InvokeModelWithResponseStreamRequest.builder()
                          .modelId(model.value())
                          .contentType(JSON)
                          .accept(JSON)
                          .body(SdkBytes.fromByteArray(body.bytes()))
                          .build(),
                      handOff);
          return handOff.drain(
              call, () -> new ChunkRelay(handOff, sink, streamIdleTimeout, model).relay());
        });
  }

  /** Bedrock's CountTokens for the body, for the model of the route's first target that answers. */
  @Override
  public long countTokens(ModelRoute route, InvocationBody body) {
    return failover.call(
        route,
        target -> {
          ModelId model = target.model();
          Integer counted =
              Calls.reply(
                      () ->
                          clients
                              .replies(target.region())
                              .countTokens(
                                  CountTokensRequest.builder()
                                      .modelId(model.baseModelId())
                                      .input(
                                          CountTokensInput.fromInvokeModel(
                                              InvokeModelTokensRequest.builder()
                                                  .body(SdkBytes.fromByteArray(body.bytes()))
                                                  .build()))
                                      .build()),
                      requestTimeout,
                      model)
                  .inputTokens();
          return counted == null ? 0L : counted.longValue();
        });
  }
}
