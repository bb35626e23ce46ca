package io.bedrockgateway.application.port.out;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.invoke.InvocationBody;
import java.nio.charset.StandardCharsets;

/** The fake the services' tests use keeps the contract the real adapter keeps. */
class FakeRawInvokerTest extends RawInvokerContract {
  private final FakeRawInvoker invoker = new FakeRawInvoker();

  @Override
  protected RawInvoker invoker() {
    return invoker;
  }

  @Override
  protected ModelRoute route() {
    return ModelRoute.direct(new ModelId("anthropic.claude-3-haiku-20240307-v1:0"));
  }

  @Override
  protected InvocationBody body(String prompt) {
    return InvocationBody.of(
        ("{\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected InvocationBody refusedBody() {
    return InvocationBody.of(
        ("{\"" + FakeRawInvoker.REFUSED + "\":true}").getBytes(StandardCharsets.UTF_8));
  }
}
