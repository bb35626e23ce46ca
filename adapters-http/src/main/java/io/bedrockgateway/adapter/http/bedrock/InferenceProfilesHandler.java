package io.bedrockgateway.adapter.http.bedrock;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bedrockgateway.adapter.http.common.KeyGate;
import io.bedrockgateway.application.port.in.ListModelsCommand;
import io.bedrockgateway.application.port.in.ListModelsUseCase;
import io.bedrockgateway.domain.catalog.CatalogEntry;
import io.bedrockgateway.domain.catalog.Region;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.error.NotFound;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code GET /bedrock/inference-profiles} and {@code /bedrock/inference-profiles/{id}} in the shape
 * of Bedrock's ListInferenceProfiles and GetInferenceProfile, answered from the catalogue: every
 * model the key may use that the gateway calls through an inference profile (a geographic id such
 * as {@code us.anthropic...}, or a profile ARN). Claude Code asks for them at start in Bedrock
 * mode.
 */
final class InferenceProfilesHandler {
  /** The region named in ARNs of profiles the catalogue places in no region of their own. */
  private static final String DEFAULT_REGION = "us-east-1";

  private static final String APPLICATION_PROFILE = ":application-inference-profile/";

  private final ListModelsUseCase models;

  InferenceProfilesHandler(ListModelsUseCase models) {
    this.models = models;
  }

  record Listing(List<Profile> inferenceProfileSummaries) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Profile(
      String inferenceProfileName,
      String description,
      String inferenceProfileArn,
      List<ProfileModel> models,
      String inferenceProfileId,
      String status,
      String type) {}

  record ProfileModel(String modelArn) {}

  void list(Context ctx) {
    ctx.json(new Listing(profiles(ctx).map(Named::profile).toList()));
  }

  void get(Context ctx) {
    String wanted = ctx.pathParam("id");
    ctx.json(
        profiles(ctx)
            .filter(named -> named.names().contains(wanted))
            .findFirst()
            .map(Named::profile)
            .orElseThrow(
                () ->
                    new NotFound(
                        "Inference profile " + wanted + " is not configured on the gateway.")));
  }

  /** A profile with every name it can be asked for by: id, ARN and catalogue aliases. */
  private record Named(Profile profile, List<String> names) {}

  private Stream<Named> profiles(Context ctx) {
    return models.list(new ListModelsCommand(KeyGate.caller(ctx))).stream()
        .map(description -> description.entry())
        .filter(InferenceProfilesHandler::isProfile)
        .map(InferenceProfilesHandler::named);
  }

  private static boolean isProfile(CatalogEntry entry) {
    ModelId id = entry.id();
    return !id.value().equals(id.baseModelId());
  }

  private static Named named(CatalogEntry entry) {
    String id = entry.id().value();
    String region = entry.region().map(Region::name).orElse(DEFAULT_REGION);
    boolean arn = id.startsWith("arn:");
    String profileId = arn ? id.substring(id.lastIndexOf('/') + 1) : id;
    String profileArn = arn ? id : "arn:aws:bedrock:" + region + "::inference-profile/" + id;
    String modelArn =
        "arn:aws:bedrock:" + region + "::foundation-model/" + entry.id().baseModelId();
    String name = entry.aliases().isEmpty() ? profileId : entry.aliases().getFirst();
    Profile profile =
        new Profile(
            name,
            "Served by the gateway"
                + (entry.aliases().isEmpty()
                    ? ""
                    : "; aliases: " + String.join(", ", entry.aliases())),
            profileArn,
            List.of(new ProfileModel(modelArn)),
            profileId,
            "ACTIVE",
            id.contains(APPLICATION_PROFILE) ? "APPLICATION" : "SYSTEM_DEFINED");
    List<String> names = new ArrayList<>(entry.aliases());
    names.add(id);
    names.add(profileId);
    names.add(profileArn);
    return new Named(profile, names);
  }
}
