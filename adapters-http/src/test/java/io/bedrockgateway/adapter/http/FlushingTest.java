package io.bedrockgateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.http.common.Flushing;
import io.bedrockgateway.domain.error.ClientCancelled;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Each write flushed on its own, except writes made together: flushed once, after the last. */
class FlushingTest {

  /** Counts its flushes; fails them once told the client left. */
  private static final class Body extends OutputStream {
    int flushes;
    boolean clientLeft;

    @Override
    public void write(int b) {}

    @Override
    public void flush() throws IOException {
      if (clientLeft) {
        throw new IOException("Broken pipe");
      }
      flushes++;
    }
  }

  private final Flushing flushing = new Flushing();
  private final Body body = new Body();

  @Test
  void aWriteOnItsOwnIsFlushed() throws IOException {
    flushing.afterWrite(body);
    flushing.afterWrite(body);

    assertThat(body.flushes).isEqualTo(2);
  }

  @Test
  void writesMadeTogetherAreFlushedOnceAfterTheLast() {
    flushing.together(
        () -> {
          write();
          write();
          write();
          assertThat(body.flushes).isZero();
        },
        () -> body);

    assertThat(body.flushes).isEqualTo(1);
  }

  @Test
  void aWriteAfterwardsIsFlushedOnItsOwnAgain() throws IOException {
    flushing.together(this::write, () -> body);
    flushing.afterWrite(body);

    assertThat(body.flushes).isEqualTo(2);
  }

  @Test
  void togetherWithinTogetherFlushesOnlyAtTheOuterEnd() {
    flushing.together(() -> flushing.together(this::write, () -> body), () -> body);

    assertThat(body.flushes).isEqualTo(1);
  }

  @Test
  void nothingIsFlushedBeforeTheStreamBegan() {
    flushing.together(() -> {}, () -> null);

    assertThat(body.flushes).isZero();
  }

  @Test
  void aClientThatLeftSurfacesAsClientCancelledAtTheFlush() {
    body.clientLeft = true;

    assertThatThrownBy(() -> flushing.together(this::write, () -> body))
        .isInstanceOf(ClientCancelled.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aFailedWriteLeavesLaterWritesFlushedOnTheirOwn() throws IOException {
    assertThatThrownBy(
            () ->
                flushing.together(
                    () -> {
                      throw new UncheckedIOException(new IOException("gone"));
                    },
                    () -> body))
        .isInstanceOf(UncheckedIOException.class);

    flushing.afterWrite(body);
    assertThat(body.flushes).isEqualTo(1);
  }

  private void write() {
    try {
      flushing.afterWrite(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
