package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.adapter.http.common.FieldPath;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.DocumentBlock;
import io.bedrockgateway.domain.chat.DocumentFormat;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.ImageFormat;
import io.bedrockgateway.domain.media.MediaUrl;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images and files sent inline as {@code data:} URLs ({@code data:image/png;base64,...}), and
 * images named by URL where the operator allowed their host. The gateway reaches no host a client
 * chose: a URL outside the operator's list ({@code REMOTE_MEDIA_HOSTS}, empty by default) is
 * refused with a 400 that says to send the bytes; one inside it becomes a {@link RemoteImageBlock},
 * which the converse use case fetches once the request is admitted.
 */
final class Attachments {
  private static final Pattern DATA_URL =
      Pattern.compile("data:([a-zA-Z0-9.+/-]+)((?:;[a-zA-Z0-9=._-]+)*);base64,", Pattern.DOTALL);
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");
  private static final Map<String, ImageFormat> IMAGE_TYPES =
      Map.of(
          "image/png", ImageFormat.PNG,
          "image/jpeg", ImageFormat.JPEG,
          "image/jpg", ImageFormat.JPEG,
          "image/gif", ImageFormat.GIF,
          "image/webp", ImageFormat.WEBP);
  private static final Map<String, DocumentFormat> DOCUMENT_TYPES =
      Map.of(
          "application/pdf", DocumentFormat.PDF,
          "text/csv", DocumentFormat.CSV,
          "text/plain", DocumentFormat.TXT,
          "text/markdown", DocumentFormat.MD,
          "text/html", DocumentFormat.HTML,
          "application/msword", DocumentFormat.DOC,
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              DocumentFormat.DOCX,
          "application/vnd.ms-excel", DocumentFormat.XLS,
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DocumentFormat.XLSX);

  private final RemoteMediaPolicy remoteMedia;

  Attachments(RemoteMediaPolicy remoteMedia) {
    this.remoteMedia = remoteMedia;
  }

  /**
   * An {@code image_url}'s URL as an image block: its bytes from a {@code data:} URL, or the image
   * at an allowed URL, to be fetched.
   */
  ContentBlock image(String path, String url) {
    if (url == null || DATA_URL.matcher(url).lookingAt() || !remoteMedia.fetchesAny()) {
      return inlineImage(path, url);
    }
    MediaUrl remote = FieldPath.at(path, () -> MediaUrl.parse(url));
    remoteMedia
        .refusal(remote)
        .ifPresent(
            reason -> {
              throw new InvalidRequest(path + ": " + reason);
            });
    return new RemoteImageBlock(remote);
  }

  private static ImageBlock inlineImage(String path, String url) {
    Inline inline = inline(path, url);
    ImageFormat format =
        Optional.ofNullable(IMAGE_TYPES.get(inline.mediaType()))
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        path
                            + ": the image must be PNG, JPEG, GIF or WebP, not "
                            + inline.mediaType()));
    return new ImageBlock(format, inline.data());
  }

  /** A {@code file}'s {@code file_data} as a document block named {@code filename}. */
  static DocumentBlock document(String path, String fileData, Optional<String> filename) {
    Inline inline = inline(path, fileData);
    DocumentFormat format =
        Optional.ofNullable(DOCUMENT_TYPES.get(inline.mediaType()))
            .orElseThrow(
                () ->
                    new InvalidRequest(
                        path
                            + ": the file must be PDF, CSV, TXT, MD, HTML, DOC(X) or XLS(X), not "
                            + inline.mediaType()));
    // Bedrock reads the name as text and allows few characters in it
    String name =
        filename
            .map(given -> given.replaceAll("[^A-Za-z0-9 ()\\[\\]-]", "-").strip())
            .filter(cleaned -> !cleaned.isEmpty())
            .map(cleaned -> cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned)
            .orElse("document");
    return FieldPath.at(path, () -> new DocumentBlock(format, name, inline.data()));
  }

  private record Inline(String mediaType, BinaryData data) {}

  private static Inline inline(String path, String url) {
    if (url == null) {
      throw new InvalidRequest(path + ": is required");
    }
    Matcher prefix = DATA_URL.matcher(url);
    if (!prefix.lookingAt()) {
      throw new InvalidRequest(
          path
              + ": send the bytes inline as a data: URL (data:<type>;base64,...); the gateway"
              + " fetches no remote URL unless its operator allows the host (REMOTE_MEDIA_HOSTS)");
    }
    byte[] bytes;
    try {
      bytes =
          Base64.getDecoder()
              .decode(LINE_BREAKS.matcher(url.substring(prefix.end())).replaceAll(""));
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidRequest(path + ": the data: URL's data must be base64-encoded");
    }
    byte[] decoded = bytes;
    return new Inline(
        prefix.group(1).toLowerCase(Locale.ROOT),
        FieldPath.at(path, () -> new BinaryData(decoded)));
  }
}
