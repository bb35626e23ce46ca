package io.bedrockgateway.bootstrap;

import io.bedrockgateway.application.port.in.CreateKeyCommand;
import io.bedrockgateway.application.port.in.IssuedKey;
import io.bedrockgateway.application.port.in.KeyOwner;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.plan.PlanOverrides;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keys create | list | revoke}: key management for operators, in the configured store. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API keys in the store of MONGODB_URI.")
final class KeysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  static CommandLine commandLine(ConfiguredKeyStore store) {
    return new CommandLine(new KeysCommand())
        .addSubcommand(new Create(store))
        .addSubcommand(new ListKeys(store))
        .addSubcommand(new Revoke(store));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ConfiguredKeyStore.MISCONFIGURED;
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a key and print it, this once.")
  static final class Create implements Callable<Integer> {
    private final ConfiguredKeyStore store;
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "Who or what uses the key.")
    String name;

    @Option(names = "--department", required = true, description = "Billed department.")
    String department;

    @Option(names = "--application", description = "The application that calls with it.")
    String application;

    @Option(names = "--project", description = "Billed project.")
    String project;

    @Option(names = "--plan", description = "Plan name (default: the default plan).")
    String plan;

    @Option(
        names = "--expires",
        description = "Expiry: a UTC date (2027-01-31) or time (2027-01-31T12:00:00Z).")
    String expires;

    @Option(
        names = "--allow-model",
        description = "A model the key may use; repeat for more (default: every model).")
    List<String> allowedModels = List.of();

    Create(ConfiguredKeyStore store) {
      this.store = store;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CreateKeyCommand command;
      try {
        command =
            new CreateKeyCommand(
                new KeyOwner(
                    name,
                    Optional.ofNullable(application),
                    Optional.of(department),
                    Optional.ofNullable(project)),
                Optional.ofNullable(plan),
                PlanOverrides.NONE,
                allowedModels.stream().map(ModelId::new).collect(Collectors.toSet()),
                Optional.ofNullable(expires).map(Create::instant));
      } catch (RuntimeException invalid) {
        err.println("Invalid key: " + invalid.getMessage());
        return ConfiguredKeyStore.MISCONFIGURED;
      }
      return store.run(
          err,
          keys -> {
            IssuedKey issued = keys.create(command);
            out.println(
                "Created API key "
                    + issued.record().keyId()
                    + " for "
                    + issued.record().principal().name()
                    + " on plan "
                    + issued.record().principal().plan().name()
                    + ".");
            out.println("Key (shown only this once; the gateway keeps only its hash):");
            out.println(issued.plainKey().value());
            return ConfiguredKeyStore.DONE;
          });
    }

    private static Instant instant(String value) {
      return value.contains("T")
          ? Instant.parse(value)
          : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List every stored key.")
  static final class ListKeys implements Callable<Integer> {
    private static final String ROW = "%-14s %-10s %-24s %-16s %-10s %-24s %s%n";
    private final ConfiguredKeyStore store;
    @Spec CommandSpec spec;

    ListKeys(ConfiguredKeyStore store) {
      this.store = store;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      return store.run(
          spec.commandLine().getErr(),
          keys -> {
            Instant now = Instant.now();
            out.printf(ROW, "ID", "STATUS", "NAME", "DEPARTMENT", "PLAN", "CREATED", "EXPIRES");
            for (ApiKeyRecord key : keys.list()) {
              out.printf(
                  ROW,
                  key.keyId(),
                  key.isUsableAt(now) ? "active" : "inactive",
                  key.principal().name(),
                  key.principal().department().orElse("-"),
                  key.principal().plan().name(),
                  key.createdAt().map(Instant::toString).orElse("-"),
                  key.expiresAt().map(Instant::toString).orElse("-"));
            }
            return ConfiguredKeyStore.DONE;
          });
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key at once.")
  static final class Revoke implements Callable<Integer> {
    private final ConfiguredKeyStore store;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The key's id (the part after bgw_).")
    String id;

    Revoke(ConfiguredKeyStore store) {
      this.store = store;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      KeyId keyId;
      try {
        keyId = new KeyId(id);
      } catch (IllegalArgumentException malformed) {
        err.println("There is no API key with id " + id + ".");
        return ConfiguredKeyStore.FAILED;
      }
      return store.run(
          err,
          keys -> {
            ApiKeyRecord revoked = keys.revoke(keyId);
            out.println(
                "Revoked API key "
                    + revoked.keyId()
                    + " at "
                    + revoked.revokedAt().orElseThrow()
                    + "; every gateway refuses it within the key cache's lifetime.");
            return ConfiguredKeyStore.DONE;
          });
    }
  }
}
