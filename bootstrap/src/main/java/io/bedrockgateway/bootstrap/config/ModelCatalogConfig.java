package io.bedrockgateway.bootstrap.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.InputModality;
import io.bedrockgateway.domain.catalog.ModelCatalog;
import io.bedrockgateway.domain.catalog.ModelOperation;
import io.bedrockgateway.domain.catalog.ModelTarget;
import io.bedrockgateway.domain.catalog.Region;
import io.bedrockgateway.domain.chat.ModelId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model catalogue: the one shipped with the gateway, with the {@code "models"} section of the
 * {@code GATEWAY_CONFIG} file over it. A file entry replaces the shipped entry with the same id and
 * adds any other; other sections of the file are not this class's business.
 *
 * <pre>{@code
 * {"models": {"catalogue": [
 *   {"id": "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "aliases": ["claude"],
 *    "operations": ["chat"], "streaming": true, "input_modalities": ["text", "image"],
 *    "region": "us-east-1",
 *    "fallbacks": [{"region": "us-west-2"}, {"model": "us.anthropic.claude-haiku-4-5-20251001-v1:0"}]}
 * ]}}
 * }</pre>
 */
public final class ModelCatalogConfig {
  public static final String SHIPPED = "/model-catalogue.json";
  private static final String SECTION = "models";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelCatalogConfig() {}

  /** The shipped catalogue, with the file's {@code models} section over it when there is one. */
  public static ModelCatalog load(Optional<JsonNode> configFile, String fileName) {
    Map<String, CatalogEntry> entries = new LinkedHashMap<>();
    entries(shipped(), SHIPPED).forEach(entry -> entries.put(entry.id().value(), entry));
    configFile
        .map(root -> root.path(SECTION))
        .filter(section -> !section.isMissingNode())
        .ifPresent(
            section ->
                entries(section, fileName)
                    .forEach(entry -> entries.put(entry.id().value(), entry)));
    try {
      return new ModelCatalog(List.copyOf(entries.values()));
    } catch (IllegalArgumentException clash) {
      throw new ConfigException(fileName, "models: " + clash.getMessage());
    }
  }

  private static JsonNode shipped() {
    try (InputStream in = ModelCatalogConfig.class.getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException(SHIPPED + " is missing from the jar");
      }
      return JSON.readTree(in).path(SECTION);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  static List<CatalogEntry> entries(JsonNode section, String source) {
    JsonNode catalogue = section.path("catalogue");
    if (!catalogue.isArray()) {
      throw new ConfigException(source, "models.catalogue must be a list of models");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    for (int index = 0; index < catalogue.size(); index++) {
      String path = "models.catalogue[" + index + "]";
      try {
        entries.add(entry(catalogue.get(index), path));
      } catch (IllegalArgumentException invalid) {
        throw new ConfigException(source, path + ": " + invalid.getMessage());
      }
    }
    return entries;
  }

  private static CatalogEntry entry(JsonNode node, String path) {
    ModelId id = new ModelId(text(node.get("id"), "id"));
    Set<ModelOperation> operations =
        names(
            node.path("operations"),
            "operations",
            ModelOperation.values(),
            ModelOperation::wireName);
    Set<InputModality> modalities =
        node.has("input_modalities")
            ? names(
                node.get("input_modalities"),
                "input_modalities",
                InputModality.values(),
                InputModality::wireName)
            : Set.of(InputModality.TEXT);
    List<ModelTarget> fallbacks = new ArrayList<>();
    for (JsonNode fallback : node.path("fallbacks")) {
      if (!fallback.has("model") && !fallback.has("region")) {
        throw new IllegalArgumentException("a fallback names a model, a region, or both");
      }
      ModelId model =
          fallback.has("model") ? new ModelId(text(fallback.get("model"), "model")) : id;
      fallbacks.add(new ModelTarget(model, region(fallback.get("region"))));
    }
    List<String> aliases = new ArrayList<>();
    node.path("aliases").forEach(alias -> aliases.add(text(alias, "aliases")));
    return new CatalogEntry(
        id,
        aliases,
        operations,
        node.path("streaming").asBoolean(operations.contains(ModelOperation.CHAT)),
        modalities,
        region(node.get("region")),
        fallbacks);
  }

  private static Optional<Region> region(JsonNode node) {
    return node == null ? Optional.empty() : Optional.of(new Region(text(node, "region")));
  }

  private static <E> Set<E> names(
      JsonNode list, String field, E[] values, Function<E, String> wireName) {
    if (!list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(field + " must be a non-empty list");
    }
    Map<String, E> byName =
        Arrays.stream(values).collect(Collectors.toMap(wireName, Function.identity()));
    Set<E> chosen = new java.util.HashSet<>();
    for (JsonNode name : list) {
      E value = byName.get(text(name, field).toLowerCase(Locale.ROOT));
      if (value == null) {
        throw new IllegalArgumentException(field + " may hold " + byName.keySet());
      }
      chosen.add(value);
    }
    return chosen;
  }

  private static String text(JsonNode node, String field) {
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-blank string");
    }
    return node.asText();
  }
}
