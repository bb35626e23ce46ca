package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.KEY;
import static io.bedrockgateway.adapter.http.TestServer.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.bedrockgateway.application.port.in.AuthenticateUseCase;
import io.bedrockgateway.application.port.in.ConverseUseCase;
import io.bedrockgateway.application.port.in.CountTokensUseCase;
import io.bedrockgateway.application.port.in.EmbedUseCase;
import io.bedrockgateway.application.port.in.GenerateImageUseCase;
import io.bedrockgateway.application.port.in.HealthUseCase;
import io.bedrockgateway.application.port.in.InvokeUseCase;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ManageKeysUseCase;
import io.bedrockgateway.application.port.in.MetricsUseCase;
import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.UsageReportUseCase;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.Role;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerLifecycleTest {

  @Test
  void stopLetsARunningStreamFinishAndRefusesNewConnections() throws Exception {
    CountDownLatch streamRunning = new CountDownLatch(1);
    TestServer server = new TestServer();
    server.converse.streams(
        observer -> {
          observer.admitted(Optional.empty());
          observer.accept(new ChatStreamEvent.MessageStart(Role.ASSISTANT));
          streamRunning.countDown();
          Thread.sleep(500);
          observer.accept(new ChatStreamEvent.ContentBlockStart(0));
        });
    CompletableFuture<HttpResponse<String>> response =
        server.client.sendAsync(
            server.post("/api/v1/converse-stream", HELLO).header("X-API-Key", KEY).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(streamRunning.await(5, TimeUnit.SECONDS)).isTrue();
    int port = server.server.port();

    server.server.stop();

    assertThat(events(response.get(5, TimeUnit.SECONDS).body())).hasSize(2);
    assertThatThrownBy(() -> new Socket("localhost", port).close())
        .isInstanceOf(ConnectException.class);
    server.client.close();
  }

  @Test
  void theModuleProvidesAServerFromTheBoundUseCases() throws IOException {
    Injector injector =
        Guice.createInjector(
            new HttpModule(TestServer.settings(List.of(), List.of())),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(AuthenticateUseCase.class).toInstance(new FakeAuthenticateUseCase());
                bind(ConverseUseCase.class).toInstance(new FakeConverseUseCase());
                bind(HealthUseCase.class).toInstance(new FakeHealthUseCase());
                bind(MetricsUseCase.class).toInstance(new FakeMetricsUseCase());
                FakeModelUseCases models = new FakeModelUseCases();
                bind(EmbedUseCase.class).toInstance(models);
                bind(GenerateImageUseCase.class).toInstance(models);
                bind(ListModelsUseCase.class).toInstance(models);
                bind(ManageKeysUseCase.class).toInstance(new FakeManageKeysUseCase());
                bind(UsageReportUseCase.class).toInstance(new FakeUsageReportUseCase());
                bind(RecordRejectionUseCase.class).toInstance(rejected -> {});
                FakeInvokeUseCase invoke = new FakeInvokeUseCase();
                bind(InvokeUseCase.class).toInstance(invoke);
                bind(CountTokensUseCase.class).toInstance(invoke);
                bind(Clock.class).toInstance(Clock.systemUTC());
              }
            });
    GatewayHttpServer server = injector.getInstance(GatewayHttpServer.class);

    server.start();
    try (Socket socket = new Socket("localhost", server.port())) {
      assertThat(socket.isConnected()).isTrue();
    } finally {
      server.stop();
    }
    assertThat(injector.getInstance(GatewayHttpServer.class)).isSameAs(server);
  }
}
