package io.bedrockgateway.domain.media;

import java.util.Arrays;
import java.util.Objects;

/** Bytes of an image or a document, immutable and compared by content. */
public final class BinaryData {
  private final byte[] bytes;

  public BinaryData(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 0) {
      throw new IllegalArgumentException("must not be empty");
    }
    this.bytes = bytes.clone();
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BinaryData data && Arrays.equals(bytes, data.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "BinaryData[" + bytes.length + " bytes]";
  }
}
