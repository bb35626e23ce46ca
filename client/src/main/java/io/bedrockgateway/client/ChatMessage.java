package io.bedrockgateway.client;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** One turn of a conversation: a role and its content blocks. */
public record ChatMessage(Role role, List<Content> content) {
  public ChatMessage {
    if (role == null) {
      throw new IllegalArgumentException("a message needs a role");
    }
    if (content == null || content.isEmpty()) {
      throw new IllegalArgumentException("a message needs at least one content block");
    }
    content = List.copyOf(content);
  }

  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, List.of(new Text(text)));
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, List.of(new Text(text)));
  }

  public enum Role {
    USER,
    ASSISTANT;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A content block, as Bedrock's Converse API knows it. */
  public sealed interface Content permits Text, Image, Document {}

  public record Text(String text) implements Content {
    public Text {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException("text must not be blank");
      }
    }
  }

  /** An image: {@code format} is png, jpeg, gif or webp. */
  public record Image(String format, byte[] bytes) implements Content {
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "webp");

    public Image {
      if (!FORMATS.contains(format)) {
        throw new IllegalArgumentException("image format must be one of " + FORMATS);
      }
      if (bytes == null || bytes.length == 0) {
        throw new IllegalArgumentException("an image needs its bytes");
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Image image
          && image.format.equals(format)
          && Arrays.equals(image.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return format.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Image[" + format + ", " + bytes.length + " bytes]";
    }
  }

  /** A document: {@code format} is pdf, csv, doc, docx, xls, xlsx, html, txt or md. */
  public record Document(String format, String name, byte[] bytes) implements Content {
    private static final Set<String> FORMATS =
        Set.of("pdf", "csv", "doc", "docx", "xls", "xlsx", "html", "txt", "md");

    public Document {
      if (!FORMATS.contains(format)) {
        throw new IllegalArgumentException("document format must be one of " + FORMATS);
      }
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a document needs a name");
      }
      if (bytes == null || bytes.length == 0) {
        throw new IllegalArgumentException("a document needs its bytes");
      }
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Document document
          && document.format.equals(format)
          && document.name.equals(name)
          && Arrays.equals(document.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return (format.hashCode() * 31 + name.hashCode()) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Document[" + format + ", " + name + ", " + bytes.length + " bytes]";
    }
  }
}
