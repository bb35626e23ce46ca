package io.bedrockgateway.domain.cost;

import io.bedrockgateway.domain.image.ImageQuality;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What one generated image costs, by size and quality: the first tier whose pixel count the image
 * fits in applies, and the largest tier to anything larger.
 */
public record ImagePrice(List<Tier> tiers) {

  /** Images of up to {@code maxPixels} pixels. */
  public record Tier(long maxPixels, Usd standard, Usd premium) {
    public Tier {
      Objects.requireNonNull(standard, "standard");
      Objects.requireNonNull(premium, "premium");
      if (maxPixels < 1) {
        throw new IllegalArgumentException("maxPixels must be positive");
      }
    }

    Usd price(ImageQuality quality) {
      return switch (quality) {
        case STANDARD -> standard;
        case PREMIUM -> premium;
      };
    }
  }

  public ImagePrice {
    tiers =
        Objects.requireNonNull(tiers, "tiers").stream()
            .sorted(Comparator.comparingLong(Tier::maxPixels))
            .toList();
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("an image price needs at least one tier");
    }
  }

  public Usd perImage(int width, int height, ImageQuality quality) {
    long pixels = (long) width * height;
    return tiers.stream()
        .filter(tier -> pixels <= tier.maxPixels())
        .findFirst()
        .orElse(tiers.getLast())
        .price(quality);
  }
}
