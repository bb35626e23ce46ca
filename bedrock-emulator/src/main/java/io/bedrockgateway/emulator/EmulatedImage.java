package io.bedrockgateway.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The emulator's pictures: real PNGs of the requested size, a gradient whose colours depend on the
 * prompt and the image's place in the answer, so different prompts give different images.
 */
public final class EmulatedImage {
  private EmulatedImage() {}

  public static byte[] png(String prompt, int width, int height, int index) {
    int seed = (Directives.strip(prompt) + "#" + index).hashCode();
    int red = seed & 0xff;
    int green = (seed >>> 8) & 0xff;
    int blue = (seed >>> 16) & 0xff;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      int shade = y * 255 / Math.max(1, height - 1);
      int rgb = ((red ^ shade) << 16) | ((green ^ shade) << 8) | blue;
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toByteArray();
  }
}
