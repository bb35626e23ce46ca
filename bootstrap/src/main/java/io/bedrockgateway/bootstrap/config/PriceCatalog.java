package io.bedrockgateway.bootstrap.config;

import io.bedrockgateway.domain.cost.ImagePrice;
import io.bedrockgateway.domain.cost.ModelPrice;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the price lists: tokens as {@code model_id,input_usd_per_million_tokens,
 * output_usd_per_million_tokens[,cache_read_usd_per_million_tokens,
 * cache_write_usd_per_million_tokens]}, images as {@code model_id,max_pixels,
 * standard_usd_per_image,premium_usd_per_image} (one line per size tier). A token line without
 * cache rates (three fields, or the last two empty) prices cached tokens at the input rate.
 */
public final class PriceCatalog {
  public static final String SHIPPED = "/model-prices.csv";
  public static final String SHIPPED_IMAGES = "/image-prices.csv";
  private static final String HEADER = "model_id,";

  private PriceCatalog() {}

  public static final String MODEL_PRICES_FILE = "MODEL_PRICES_FILE";
  public static final String IMAGE_PRICES_FILE = "IMAGE_PRICES_FILE";

  /**
   * The shipped prices, with the entries of the operator's files (same formats) replacing or adding
   * to them: their own prices for new models, or negotiated rates. An image model's lines replace
   * all of its shipped tiers.
   */
  public static PriceTable withOverrides(Optional<Path> modelPrices, Optional<Path> imagePrices) {
    PriceTable shipped = shipped();
    Map<String, ModelPrice> tokens = new HashMap<>(shipped.byBaseModel());
    modelPrices.ifPresent(
        file ->
            tokens.putAll(
                parse(MODEL_PRICES_FILE + " (" + file + ")", read(MODEL_PRICES_FILE, file))
                    .byBaseModel()));
    Map<String, ImagePrice> images = new HashMap<>(shipped.images());
    imagePrices.ifPresent(
        file ->
            images.putAll(
                parseImages(IMAGE_PRICES_FILE + " (" + file + ")", read(IMAGE_PRICES_FILE, file))));
    return new PriceTable(tokens, images);
  }

  private static List<String> read(String variable, Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new ConfigException(variable, "cannot be read: " + unreadable);
    }
  }

  /** The prices shipped with the gateway. */
  public static PriceTable shipped() {
    return new PriceTable(
        parse(SHIPPED, resource(SHIPPED)).byBaseModel(),
        parseImages(SHIPPED_IMAGES, resource(SHIPPED_IMAGES)));
  }

  private static List<String> resource(String name) {
    try (InputStream in = PriceCatalog.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  static Map<String, ImagePrice> parseImages(String source, List<String> lines) {
    Map<String, List<ImagePrice.Tier>> tiers = new LinkedHashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(HEADER)) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 4) {
        throw new ConfigException(source, "line " + number + ": expected 4 comma-separated fields");
      }
      try {
        tiers
            .computeIfAbsent(fields[0].strip(), model -> new ArrayList<>())
            .add(
                new ImagePrice.Tier(
                    Long.parseLong(fields[1].strip()),
                    Usd.of(fields[2].strip()),
                    Usd.of(fields[3].strip())));
      } catch (NumberFormatException | ArithmeticException invalid) {
        throw new ConfigException(source, "line " + number + ": expected numbers");
      } catch (IllegalArgumentException invalid) {
        throw new ConfigException(source, "line " + number + ": " + invalid.getMessage());
      }
    }
    Map<String, ImagePrice> prices = new LinkedHashMap<>();
    tiers.forEach((model, modelTiers) -> prices.put(model, new ImagePrice(modelTiers)));
    return prices;
  }

  static PriceTable parse(String source, List<String> lines) {
    Map<String, ModelPrice> prices = new HashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(HEADER)) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 3 && fields.length != 5) {
        throw new ConfigException(
            source,
            "line "
                + number
                + ": expected 3 or 5 comma-separated fields (model_id, input, output[, cache read,"
                + " cache write])");
      }
      try {
        ModelPrice price = price(fields);
        if (prices.put(fields[0].strip(), price) != null) {
          throw new ConfigException(
              source, "line " + number + ": " + fields[0] + " is listed twice");
        }
      } catch (NumberFormatException | ArithmeticException invalid) {
        throw new ConfigException(source, "line " + number + ": prices must be decimal numbers");
      } catch (IllegalArgumentException invalid) {
        throw new ConfigException(source, "line " + number + ": " + invalid.getMessage());
      }
    }
    return new PriceTable(prices);
  }

  private static ModelPrice price(String[] fields) {
    BigDecimal input = new BigDecimal(fields[1].strip());
    BigDecimal output = new BigDecimal(fields[2].strip());
    if (fields.length == 3) {
      return new ModelPrice(input, output);
    }
    String cacheRead = fields[3].strip();
    String cacheWrite = fields[4].strip();
    return new ModelPrice(
        input,
        output,
        cacheRead.isEmpty() ? input : new BigDecimal(cacheRead),
        cacheWrite.isEmpty() ? input : new BigDecimal(cacheWrite));
  }
}
