package io.bedrockgateway.domain.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON document the gateway passes along without interpreting it: tool input schemas, tool
 * inputs, extra model request fields. Objects keep their member order.
 */
public sealed interface JsonValue {

  record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
      Objects.requireNonNull(members, "members");
      members.forEach(
          (name, value) -> {
            Objects.requireNonNull(name, "member name");
            Objects.requireNonNull(value, "value of " + name);
          });
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }
  }

  record JsonArray(List<JsonValue> elements) implements JsonValue {
    public JsonArray {
      elements = List.copyOf(elements);
    }
  }

  record JsonString(String value) implements JsonValue {
    public JsonString {
      Objects.requireNonNull(value, "value");
    }
  }

  record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
      Objects.requireNonNull(value, "value");
    }
  }

  record JsonBoolean(boolean value) implements JsonValue {}

  record JsonNull() implements JsonValue {}
}
