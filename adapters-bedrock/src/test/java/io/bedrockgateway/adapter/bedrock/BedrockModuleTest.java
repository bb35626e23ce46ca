package io.bedrockgateway.adapter.bedrock;

import static io.bedrockgateway.adapter.bedrock.TestRequests.NOVA_ROUTE;
import static io.bedrockgateway.adapter.bedrock.TestRequests.ask;
import static io.bedrockgateway.adapter.bedrock.TestRequests.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.EmbeddingInvoker;
import io.bedrockgateway.application.port.out.ImageInvoker;
import io.bedrockgateway.application.port.out.RawInvoker;
import io.bedrockgateway.application.port.out.UpstreamObserver;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.emulator.BedrockEmulator;
import io.bedrockgateway.emulator.EmulatedAnswer;
import io.bedrockgateway.emulator.EmulatorSettings;
import org.junit.jupiter.api.Test;

class BedrockModuleTest {

  @Test
  void bindsOneSharedInvokerThatTheApplicationCanClose() {
    try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort())) {
      Injector injector =
          Guice.createInjector(
              new BedrockModule(settings(emulator.endpoint())),
              binder -> binder.bind(UpstreamObserver.class).toInstance(new RecordingUpstream()));

      ChatInvoker invoker = injector.getInstance(ChatInvoker.class);
      try (BedrockModelInvoker closeable = injector.getInstance(BedrockModelInvoker.class)) {
        assertThat(invoker).isSameAs(closeable);
        assertThat(injector.getInstance(EmbeddingInvoker.class)).isSameAs(closeable);
        assertThat(injector.getInstance(ImageInvoker.class)).isSameAs(closeable);
        assertThat(injector.getInstance(RawInvoker.class))
            .isSameAs(injector.getInstance(RawInvoker.class));
        assertThat(invoker.converse(NOVA_ROUTE, ask("Hi")).message().content())
            .containsExactly(new TextBlock(EmulatedAnswer.text("Hi")));
      }
    }
  }
}
