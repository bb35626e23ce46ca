package io.bedrockgateway.adapter.http.openai;

import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.application.port.in.ModelDescription;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.json.JsonValue;
import io.bedrockgateway.domain.key.Principal;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenAI's {@code reasoning_effort} (Responses: {@code reasoning.effort}) as the thinking budget of
 * the models that have one, Claude 3.7 and later, through Bedrock's additional model request fields
 * ({@code {"thinking":{"type":"enabled","budget_tokens":N}}}), as a native client would send them:
 * {@code minimal} and {@code low} 1,024 tokens, {@code medium} 4,096, {@code high} 16,384, {@code
 * xhigh} 32,000; {@code none} thinks not at all. A catalogue alias is looked up to find its model.
 * A model without a thinking budget, or a {@code max_tokens} no larger than the budget, is a 400
 * naming the field.
 */
final class ReasoningBudget {
  private static final Pattern THINKING_MODELS =
      Pattern.compile("anthropic\\.claude-(3-7-|(sonnet|opus|haiku)-[4-9]).*");
  private static final Map<String, Integer> BUDGETS =
      Map.of("minimal", 1_024, "low", 1_024, "medium", 4_096, "high", 16_384, "xhigh", 32_000);

  private final ListModelsUseCase models;

  ReasoningBudget(ListModelsUseCase models) {
    this.models = models;
  }

  /** The additional model request fields for {@code effort}, if any. */
  Optional<JsonValue.JsonObject> fields(
      String path,
      Optional<String> effort,
      Principal caller,
      Optional<ModelId> model,
      InferenceParameters parameters) {
    if (effort.isEmpty() || effort.get().equals("none")) {
      return Optional.empty();
    }
    Integer budget = BUDGETS.get(effort.get());
    if (budget == null) {
      throw new InvalidRequest(path + ": must be none, minimal, low, medium, high or xhigh");
    }
    ModelId named =
        model.orElseThrow(() -> new InvalidRequest(path + ": name the model to reason with"));
    if (!THINKING_MODELS.matcher(resolve(caller, named).baseModelId()).matches()) {
      throw new InvalidRequest(
          path + ": " + named.value() + " has no thinking budget (Claude 3.7 and later have one)");
    }
    if (parameters.maxTokens().filter(max -> max <= budget).isPresent()) {
      throw new InvalidRequest(
          path
              + ": "
              + effort.get()
              + " thinks up to "
              + budget
              + " tokens, so max_tokens must be larger than that");
    }
    return Optional.of(
        new JsonValue.JsonObject(
            Map.of(
                "thinking",
                new JsonValue.JsonObject(
                    Map.of(
                        "type",
                        new JsonValue.JsonString("enabled"),
                        "budget_tokens",
                        new JsonValue.JsonNumber(BigDecimal.valueOf(budget)))))));
  }

  /** The catalogue's model for an alias; the name itself otherwise. */
  private ModelId resolve(Principal caller, ModelId named) {
    return models.list(new ListModelsCommand(caller)).stream()
        .map(ModelDescription::entry)
        .filter(entry -> entry.id().equals(named) || entry.aliases().contains(named.value()))
        .map(entry -> entry.id())
        .findFirst()
        .orElse(named);
  }
}
