package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.RemoteImageSource;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ContentBlock;
import io.bedrockgateway.domain.chat.ImageBlock;
import io.bedrockgateway.domain.chat.RemoteImageBlock;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.media.BinaryData;
import io.bedrockgateway.domain.media.ImageFormat;
import io.bedrockgateway.domain.media.MediaUrl;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Turns the images a request names by URL into images with their bytes, for a request already
 * admitted. Every URL is checked against the operator's policy before anything is fetched, whatever
 * the surface checked before; the format is read from the bytes themselves.
 */
public final class RemoteImages {
  private final RemoteMediaPolicy policy;
  private final RemoteImageSource source;

  public RemoteImages(RemoteMediaPolicy policy, RemoteImageSource source) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.source = Objects.requireNonNull(source, "source");
  }

  /** Fetches nothing: a request naming an image by URL is refused. */
  public static RemoteImages none() {
    return new RemoteImages(RemoteMediaPolicy.NONE, RemoteImageSource.NONE);
  }

  /** {@code request} with each of its remote images fetched; itself when it names none. */
  ChatRequest resolve(ChatRequest request) {
    if (!request.hasAttachment(RemoteImageBlock.class)) {
      return request; // almost every request: no list, no stream built for it
    }
    List<MediaUrl> urls =
        request.messages().stream()
            .flatMap(message -> message.content().stream())
            .filter(RemoteImageBlock.class::isInstance)
            .map(block -> ((RemoteImageBlock) block).url())
            .toList();
    if (urls.isEmpty()) {
      return request;
    }
    if (urls.size() > policy.maxImages()) {
      throw new InvalidRequest(
          "messages: at most "
              + policy.maxImages()
              + " images may be sent by URL in one request, not "
              + urls.size());
    }
    for (MediaUrl url : urls) {
      policy
          .refusal(url)
          .ifPresent(
              reason -> {
                throw new InvalidRequest("image " + url + ": " + reason);
              });
    }
    List<BinaryData> fetched = source.fetch(urls);
    if (fetched.size() != urls.size()) {
      throw new IllegalStateException(
          "the image source answered " + fetched.size() + " of " + urls.size() + " images");
    }
    Iterator<ImageBlock> images = images(urls, fetched).iterator();
    List<ChatMessage> messages = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      List<ContentBlock> content = new ArrayList<>();
      for (ContentBlock block : message.content()) {
        content.add(block instanceof RemoteImageBlock ? images.next() : block);
      }
      messages.add(new ChatMessage(message.role(), content));
    }
    return request.withMessages(messages);
  }

  private static List<ImageBlock> images(List<MediaUrl> urls, List<BinaryData> fetched) {
    List<ImageBlock> images = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      BinaryData data = fetched.get(i);
      MediaUrl url = urls.get(i);
      ImageFormat format =
          ImageFormat.detect(data.bytes())
              .orElseThrow(
                  () ->
                      new InvalidRequest(
                          "image "
                              + url
                              + ": the bytes at this URL are not a PNG, JPEG, GIF or WebP image"));
      images.add(new ImageBlock(format, data));
    }
    return images;
  }
}
