package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.ConverseCommand;
import io.bedrockgateway.application.port.in.ConverseStreamObserver;
import io.bedrockgateway.application.port.out.ChatInvoker;
import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.application.port.out.RemoteImageSourceContract;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.application.port.out.TokenCounter;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatResponse;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.ChatStreamSink;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.chat.Role;
import io.bedrockgateway.domain.chat.StopReason;
import io.bedrockgateway.domain.chat.StreamSummary;
import io.bedrockgateway.domain.chat.TextBlock;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.ImageFormat;
import io.bedrockgateway.domain.media.MediaHosts;
import io.bedrockgateway.domain.media.MediaUrl;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.quota.RateLimitStatus;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Images named by URL in the chat flow: fetched only once the request is admitted, only from the
 * hosts of the policy, their format read from their bytes, and the model sent those bytes.
 */
class RemoteImagesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
  private static final ModelId MODEL = new ModelId("amazon.nova-lite-v1:0");
  private static final MediaUrl CAT = MediaUrl.parse("https://images.example.com/cat.png");
  private static final MediaUrl DOG = MediaUrl.parse("https://images.example.com/dog.png");
  private static final MediaUrl ELSEWHERE = MediaUrl.parse("https://elsewhere.example.com/a.png");
  private static final byte[] PNG = RemoteImageSourceContract.PNG;
  private static final RemoteMediaPolicy POLICY =
      new RemoteMediaPolicy(MediaHosts.of(List.of("images.example.com")), false, 2);

  /** What happened, in order: admissions, fetches, model calls. */
  private final List<String> steps = new ArrayList<>();

  private final List<ChatRequest> sent = new ArrayList<>();
  private final RecordingLedger ledger = new RecordingLedger();
  private AdmissionDecision denial;
  private byte[] served = PNG;

  private final RemoteImageSource source =
      urls -> {
        urls.forEach(url -> steps.add("fetch " + url));
        return urls.stream().map(url -> new BinaryData(served)).toList();
      };

  private ConverseService service() {
    QuotaCounter quota =
        new QuotaCounter() {
          @Override
          public AdmissionDecision admit(Principal who, RequestId requestId, Demand demand) {
            steps.add("admit");
            return denial != null
                ? denial
                : new AdmissionDecision.Admitted(
                    Reservation.admit(who, requestId, demand, CLOCK.instant()), Optional.empty());
          }

          @Override
          public void settle(Reservation reservation, Consumption actual) {}
        };
    return new ConverseService(
        new ModelCallFlow(
            quota, ledger, new RecordingMetrics(), CLOCK, ModelCatalog.EMPTY, PriceTable.EMPTY),
        invoker(),
        new ConverseSettings(MODEL, 1_000),
        TokenCounter.NONE,
        new RemoteImages(POLICY, source));
  }

  @Test
  void fetchesTheImagesOnceAdmittedAndSendsTheModelTheirBytes() {
    service().converse(command(new TextBlock("What are these?"), image(CAT), image(DOG)));

    assertThat(steps).containsExactly("admit", "fetch " + CAT, "fetch " + DOG, "model");
    assertThat(sent.getFirst().messages().getFirst().content())
        .containsExactly(
            new TextBlock("What are these?"),
            new ImageBlock(ImageFormat.PNG, new BinaryData(PNG)),
            new ImageBlock(ImageFormat.PNG, new BinaryData(PNG)));
  }

  @Test
  void aStreamFetchesBeforeItIsAdmittedToTheClient() {
    List<String> observed = new ArrayList<>();
    service().stream(
        command(image(CAT)),
        new ConverseStreamObserver() {
          @Override
          public void admitted(Optional<RateLimitStatus> rateLimit) {
            observed.add("admitted after " + steps);
          }

          @Override
          public void accept(ChatStreamEvent event) {}
        });

    assertThat(observed).containsExactly("admitted after [admit, fetch " + CAT + "]");
    assertThat(sent.getFirst().messages().getFirst().content())
        .containsExactly(new ImageBlock(ImageFormat.PNG, new BinaryData(PNG)));
  }

  @Test
  void aRequestRefusedByItsLimitsFetchesNothing() {
    denial =
        new AdmissionDecision.Denied(LimitKind.REQUESTS, Duration.ofSeconds(3), Optional.empty());

    assertThatThrownBy(() -> service().converse(command(image(CAT))))
        .isInstanceOf(RateLimited.class);
    assertThat(steps).containsExactly("admit");
  }

  @Test
  void aHostOutsideThePolicyIsNeverFetched() {
    assertThatThrownBy(() -> service().converse(command(image(CAT), image(ELSEWHERE))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(ELSEWHERE.toString())
        .hasMessageContaining("REMOTE_MEDIA_HOSTS");
    assertThat(steps).containsExactly("admit");
    assertThat(ledger.events.getFirst().outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(ledger.events.getFirst().usage()).isEqualTo(TokenUsage.NONE);
  }

  @Test
  void moreImagesThanThePolicyAllowsAreRefusedBeforeAnyIsFetched() {
    assertThatThrownBy(() -> service().converse(command(image(CAT), image(DOG), image(CAT))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("at most 2 images");
    assertThat(steps).containsExactly("admit");
  }

  @Test
  void bytesThatAreNoImageAreRefusedWhateverTheHostCalledThem() {
    served = "<!doctype html><p>Not found</p>".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> service().converse(command(image(CAT))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining(CAT.toString())
        .hasMessageContaining("not a PNG, JPEG, GIF or WebP");
    assertThat(steps).doesNotContain("model");
  }

  @Test
  void withoutAPolicyNothingIsFetched() {
    ConverseService service =
        new ConverseService(
            new ModelCallFlow(
                new QuotaCounter() {
                  @Override
                  public AdmissionDecision admit(
                      Principal who, RequestId requestId, Demand demand) {
                    return new AdmissionDecision.Admitted(
                        Reservation.admit(who, requestId, demand, CLOCK.instant()),
                        Optional.empty());
                  }

                  @Override
                  public void settle(Reservation reservation, Consumption actual) {}
                },
                ledger,
                new RecordingMetrics(),
                CLOCK,
                ModelCatalog.EMPTY,
                PriceTable.EMPTY),
            invoker(),
            new ConverseSettings(MODEL, 1_000),
            TokenCounter.NONE);

    assertThatThrownBy(() -> service.converse(command(image(CAT))))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("data: URL");
    assertThat(sent).isEmpty();
  }

  private static RemoteImageBlock image(MediaUrl url) {
    return new RemoteImageBlock(url);
  }

  private static ConverseCommand command(ContentBlock... content) {
    return new ConverseCommand(
        TestPrincipals.unlimited(),
        new ChatRequest(
            Optional.empty(),
            List.of(new ChatMessage(Role.USER, List.of(content))),
            List.of(),
            InferenceParameters.DEFAULTS),
        new RequestContext(
            RequestId.generate(), CLOCK.instant(), Optional.empty(), Optional.empty()));
  }

  private ChatInvoker invoker() {
    return new ChatInvoker() {
      @Override
      public ChatResponse converse(ModelRoute route, ChatRequest request) {
        steps.add("model");
        sent.add(request);
        return new ChatResponse(
            ChatMessage.text(Role.ASSISTANT, "Two animals"),
            StopReason.END_TURN,
            new TokenUsage(3, 2),
            5,
            route.primaryModel());
      }

      @Override
      public StreamSummary converseStream(
          ModelRoute route, ChatRequest request, ChatStreamSink sink) {
        steps.add("model");
        sent.add(request);
        return new StreamSummary(StopReason.END_TURN, TokenUsage.NONE, 1, route.primaryModel());
      }

      @Override
      public long countTokens(ModelRoute route, ChatRequest request) {
        throw new AssertionError("not a count");
      }
    };
  }
}
