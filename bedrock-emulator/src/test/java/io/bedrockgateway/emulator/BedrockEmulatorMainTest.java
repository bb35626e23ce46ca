package io.bedrockgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BedrockEmulatorMainTest {

  @Test
  void helpListsEveryKnob() {
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new BedrockEmulatorMain()).setOut(new PrintWriter(out));

    int exitCode = command.execute("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("--host", "--port", "--ttft-ms", "--token-delay-ms", "--answer-tokens");
  }

  @Test
  void impossibleSettingsAreAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new BedrockEmulatorMain()).setErr(new PrintWriter(err));

    int exitCode = command.execute("--answer-tokens", "0");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("answerTokens must be at least 1");
  }
}
