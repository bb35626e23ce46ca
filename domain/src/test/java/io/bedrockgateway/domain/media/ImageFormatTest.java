package io.bedrockgateway.domain.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

  @Test
  void detectsEachFormatFromItsFirstBytes() {
    assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
        .contains(ImageFormat.PNG);
    assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.detect(ascii("GIF89a..."))).contains(ImageFormat.GIF);
    assertThat(ImageFormat.detect(ascii("GIF87a..."))).contains(ImageFormat.GIF);
    assertThat(ImageFormat.detect(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
  }

  @Test
  void detectsNothingInOtherBytes() {
    assertThat(ImageFormat.detect(ascii("<!doctype html>"))).isEmpty();
    assertThat(ImageFormat.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
    assertThat(ImageFormat.detect(ascii("%PDF-1.7"))).isEmpty();
    assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N'))).isEmpty();
    assertThat(ImageFormat.detect(new byte[0])).isEmpty();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
