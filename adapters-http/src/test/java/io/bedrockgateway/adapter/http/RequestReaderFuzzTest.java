package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.http.admin.AdminCommands;
import io.bedrockgateway.adapter.http.admin.AdminJson.CreateKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.RotateKeyJson;
import io.bedrockgateway.adapter.http.admin.AdminJson.UpdateKeyJson;
import io.bedrockgateway.adapter.http.common.GatewayJson;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.http.common.JsonBodyReader;
import io.bedrockgateway.adapter.http.nativeapi.ChatRequestMapper;
import io.bedrockgateway.adapter.http.nativeapi.ConverseRequestJson;
import io.bedrockgateway.adapter.http.nativeapi.EmbeddingJson;
import io.bedrockgateway.adapter.http.nativeapi.ImageJson;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.bedrockgateway.domain.key.KeyId;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the reading path of each body, {@link JsonBodyReader} and the mapper behind it, with
 * hostile bodies: each either becomes a command or is refused with {@link InvalidRequest} or {@link
 * PayloadTooLarge}, never another exception. Bounded in tries, so it runs in every build.
 */
class RequestReaderFuzzTest {
  private static final KeyId KEY = new KeyId("known1");

  private final JsonBodyReader reader =
      new JsonBodyReader(
          GatewayJson.newMapper(),
          HttpLimits.DEFAULTS.withMaxRequestBytes(64 * 1024),
          HttpTimeouts.DEFAULTS);
  private final ChatRequestMapper chat = new ChatRequestMapper();

  @Property(tries = 2_000)
  void converseBodiesBecomeARequestOrARefusal(@ForAll("converse") byte[] body) {
    assertReadOrRefused(
        () -> chat.toChatRequest(reader.read(in(body), body.length, ConverseRequestJson.class)));
  }

  @Property(tries = 1_000)
  void newKeyBodiesBecomeACommandOrARefusal(@ForAll("adminCreate") byte[] body) {
    assertReadOrRefused(
        () -> AdminCommands.create(reader.read(in(body), body.length, CreateKeyJson.class)));
  }

  @Property(tries = 1_000)
  void keyUpdateBodiesBecomeACommandOrARefusal(@ForAll("adminUpdate") byte[] body) {
    assertReadOrRefused(
        () -> AdminCommands.update(KEY, reader.read(in(body), body.length, UpdateKeyJson.class)));
  }

  @Property(tries = 1_000)
  void rotationBodiesBecomeACommandOrARefusal(@ForAll("adminRotate") byte[] body) {
    assertReadOrRefused(
        () ->
            AdminCommands.rotate(
                KEY, reader.readIfAny(in(body), body.length, RotateKeyJson.class)));
  }

  @Property(tries = 1_000)
  void embeddingAndImageBodiesAreReadOrRefused(@ForAll("otherBodies") byte[] body) {
    // their commands are built in the handlers, which RouteFuzzTest reaches over HTTP
    assertReadOrRefused(() -> reader.read(in(body), body.length, EmbeddingJson.TextRequest.class));
    assertReadOrRefused(() -> reader.read(in(body), body.length, EmbeddingJson.BatchRequest.class));
    assertReadOrRefused(() -> reader.read(in(body), body.length, EmbeddingJson.ImageRequest.class));
    assertReadOrRefused(() -> reader.read(in(body), body.length, ImageJson.Request.class));
  }

  @Example
  void theSeedsOfMutationAreValid() {
    assertThat(chat.toChatRequest(read(HostileRoutes.CONVERSE, ConverseRequestJson.class)))
        .isNotNull();
    assertThat(AdminCommands.create(read(HostileRoutes.ADMIN_CREATE, CreateKeyJson.class)))
        .isNotNull();
    assertThat(AdminCommands.update(KEY, read(HostileRoutes.ADMIN_UPDATE, UpdateKeyJson.class)))
        .isNotNull();
  }

  @Provide
  Arbitrary<byte[]> converse() {
    return JsonFuzz.bodies(HostileRoutes.CONVERSE);
  }

  @Provide
  Arbitrary<byte[]> adminCreate() {
    return JsonFuzz.bodies(HostileRoutes.ADMIN_CREATE);
  }

  @Provide
  Arbitrary<byte[]> adminUpdate() {
    return JsonFuzz.bodies(HostileRoutes.ADMIN_UPDATE);
  }

  @Provide
  Arbitrary<byte[]> adminRotate() {
    return JsonFuzz.bodies(HostileRoutes.ADMIN_ROTATE);
  }

  @Provide
  Arbitrary<byte[]> otherBodies() {
    return net.jqwik.api.Arbitraries.oneOf(
        JsonFuzz.bodies(HostileRoutes.EMBED_TEXT),
        JsonFuzz.bodies(HostileRoutes.EMBED_BATCH),
        JsonFuzz.bodies(HostileRoutes.EMBED_IMAGE),
        JsonFuzz.bodies(HostileRoutes.IMAGES));
  }

  /** Either a value, or a refusal that is the caller's fault and says why; nothing else. */
  static void assertReadOrRefused(Supplier<?> reading) {
    try {
      assertThat(reading.get()).isNotNull();
    } catch (GatewayException refused) {
      assertThat(refused).isInstanceOfAny(InvalidRequest.class, PayloadTooLarge.class);
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  private <T> T read(String group, Class<T> type) {
    byte[] body = JsonFuzz.utf8(JsonFuzz.VALID.get(group));
    return reader.read(in(body), body.length, type);
  }

  private static ByteArrayInputStream in(byte[] body) {
    return new ByteArrayInputStream(body);
  }
}
