package io.bedrockgateway.emulator;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A local Bedrock Runtime server speaking the real wire protocol over HTTP/1.1: Converse and
 * ConverseStream with deterministic answers ({@link EmulatedAnswer}), InvokeModel for embedding and
 * image models ({@link EmulatedEmbedding}, {@link EmulatedImage}), InvokeModel and
 * InvokeModelWithResponseStream for Claude models (Anthropic's Messages format), CountTokens,
 * configurable latency, and fault injection through {@code [emulator:...]} directives in the
 * request's text.
 *
 * <p>Each request runs on its own virtual thread, so thousands of slow streams cost little. Point
 * an AWS SDK client at {@link #endpoint()}; the async client needs HTTP/1.1 ({@code
 * NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)}).
 *
 * <pre>{@code
 * try (BedrockEmulator emulator = BedrockEmulator.start(EmulatorSettings.onFreePort())) {
 *   client = BedrockRuntimeAsyncClient.builder().endpointOverride(emulator.endpoint())...
 * }
 * }</pre>
 */
public final class BedrockEmulator implements AutoCloseable {
  private static final int ACCEPT_QUEUE = 4_096;

  private static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
  private static final String WILDCARD_HOST = "0.0.0.0";
  private static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

  private final Javalin server;
  private final RequestJournal journal;
  private final Pacer pacer;
  private final String host;

  private BedrockEmulator(Javalin server, RequestJournal journal, Pacer pacer, String host) {
    this.server = server;
    this.journal = journal;
    this.pacer = pacer;
    this.host = host;
  }

  /** Starts an emulator; returns once it accepts connections. */
  public static BedrockEmulator start(EmulatorSettings settings) {
    RequestJournal journal = new RequestJournal();
    Pacer pacer = new Pacer();
    FaultGate faults = new FaultGate();
    AnswerPlanner planner = new AnswerPlanner(settings, faults, new PromptCache());
    ConverseEndpoints endpoints = new ConverseEndpoints(journal, pacer, planner);
    ClaudeEndpoints claude = new ClaudeEndpoints(journal, pacer, planner);
    InvokeEndpoints invokeEndpoints = new InvokeEndpoints(journal, faults, claude);
    Javalin server =
        Javalin.create(config -> configure(config, settings, endpoints, invokeEndpoints));
    server.start();
    return new BedrockEmulator(server, journal, pacer, settings.host());
  }

  private static void configure(
      JavalinConfig config,
      EmulatorSettings settings,
      ConverseEndpoints endpoints,
      InvokeEndpoints invokeEndpoints) {
    config.concurrency.useVirtualThreads = true;
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    // a deep accept queue: a load test opens hundreds of connections at once, past the JDK's
    // default backlog of 50
    config.jetty.addConnector(
        (server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(settings.host());
          connector.setPort(settings.port());
          connector.setAcceptQueueSize(ACCEPT_QUEUE);
          return connector;
        });
    config.routes.before(ctx -> ctx.header(REQUEST_ID_HEADER, UUID.randomUUID().toString()));
    config.routes.post(BedrockOperation.CONVERSE.route(), endpoints::converse);
    config.routes.post(BedrockOperation.CONVERSE_STREAM.route(), endpoints::converseStream);
    config.routes.post(BedrockOperation.INVOKE.route(), invokeEndpoints::invoke);
    config.routes.post(BedrockOperation.INVOKE_STREAM.route(), invokeEndpoints::invokeStream);
    config.routes.post(BedrockOperation.COUNT_TOKENS.route(), invokeEndpoints::countTokens);
    config.routes.exception(BedrockServiceException.class, ErrorResponses::write);
    config.routes.exception(EndpointNotFound.class, ErrorResponses::writeUnknownOperation);
    config.routes.exception(HttpResponseException.class, ErrorResponses::writeRejected);
    config.routes.exception(Exception.class, ErrorResponses::writeUnexpected);
  }

  public int port() {
    return server.port();
  }

  /** The URI to give an SDK client as its endpoint override, e.g. {@code http://127.0.0.1:4010}. */
  public URI endpoint() {
    String reachableHost = host.equals(WILDCARD_HOST) ? EmulatorSettings.DEFAULT_HOST : host;
    String authorityHost = reachableHost.contains(":") ? "[" + reachableHost + "]" : reachableHost;
    return URI.create("http://" + authorityHost + ":" + port());
  }

  /**
   * The requests received so far, oldest first (the most recent {@value RequestJournal#CAPACITY}),
   * including those the emulator rejected.
   */
  public List<RecordedRequest> recordedRequests() {
    return journal.snapshot();
  }

  public void clearRecordedRequests() {
    journal.clear();
  }

  /** Stops the server; answers still pacing or stalled end at once. */
  @Override
  public void close() {
    pacer.close();
    server.stop();
  }
}
