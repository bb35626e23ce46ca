package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.http.HostileRoutes.Route;
import io.bedrockgateway.domain.media.MediaHosts;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.net.http.HttpResponse;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes every body-reading route over real HTTP, with a valid key or the admin token: whatever the
 * body, the answer is a success or a 4xx with a JSON error body, never a 5xx, and nothing is logged
 * at ERROR. This reaches the embedding and image commands, which are built in their handlers.
 */
class RouteFuzzTest {
  private static TestServer server;
  private static LogCapture logs;

  @BeforeContainer
  static void start() {
    logs = new LogCapture();
    // images by URL allowed from one host, so mutations of the seeds' URLs reach their parsing
    server =
        new TestServer(
            new RemoteMediaPolicy(MediaHosts.of(List.of("images.example.com")), false, 20));
  }

  @AfterContainer
  static void stop() {
    server.close();
    logs.close();
  }

  @AfterProperty
  void nothingWasLoggedAtError() {
    assertThat(logs.errors()).isEmpty();
  }

  @Property(tries = 300)
  void everyRouteAnswersAHostileBodyWithoutFailing(
      @ForAll("requests") Tuple2<Route, byte[]> request) {
    HttpResponse<String> response = HostileRoutes.send(server, request.get1(), request.get2());

    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    if (response.statusCode() >= 400) {
      assertThat(HostileRoutes.error(response)).isNotBlank();
      assertThat(HostileRoutes.detail(response)).isNotBlank();
    }
  }

  @Provide
  Arbitrary<Tuple2<Route, byte[]>> requests() {
    return Arbitraries.of(HostileRoutes.ALL)
        .flatMap(route -> JsonFuzz.bodies(route.group()).map(body -> Tuple.of(route, body)));
  }
}
