package io.bedrockgateway.domain.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteMediaPolicyTest {
  private static final MediaHosts HOSTS = MediaHosts.of(List.of("images.example.com"));

  @Test
  void byDefaultFetchesNothingAndSaysHowAnOperatorCanAllowHosts() {
    assertThat(RemoteMediaPolicy.NONE.fetchesAny()).isFalse();
    assertThat(RemoteMediaPolicy.NONE.refusal(MediaUrl.parse("https://images.example.com/a.png")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("REMOTE_MEDIA_HOSTS", "data:"));
  }

  @Test
  void fetchesFromListedHostsOverHttpsOnly() {
    RemoteMediaPolicy policy = new RemoteMediaPolicy(HOSTS, false, 4);

    assertThat(policy.refusal(MediaUrl.parse("https://images.example.com/a.png"))).isEmpty();
    assertThat(policy.refusal(MediaUrl.parse("http://images.example.com/a.png")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("https:// only"));
    assertThat(policy.refusal(MediaUrl.parse("https://elsewhere.example.com:8443/a.png")))
        .hasValueSatisfying(
            reason ->
                assertThat(reason).contains("elsewhere.example.com:8443", "REMOTE_MEDIA_HOSTS"));
  }

  @Test
  void plainHttpOnlyWhenAllowed() {
    RemoteMediaPolicy policy = new RemoteMediaPolicy(HOSTS, true, 4);

    assertThat(policy.refusal(MediaUrl.parse("http://images.example.com/a.png"))).isEmpty();
  }

  @Test
  void boundsTheImagesOfARequest() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RemoteMediaPolicy(HOSTS, false, 0))
        .withMessageContaining("maxImages");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new RemoteMediaPolicy(HOSTS, false, RemoteMediaPolicy.MAX_IMAGES_LIMIT + 1))
        .withMessageContaining("maxImages");
  }
}
