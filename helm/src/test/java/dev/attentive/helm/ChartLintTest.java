package dev.attentive.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartLintTest {

  @Test
  void lintPassesStrictWithTheRequiredValuesSet(@TempDir Path tmp) throws Exception {
    Path chart =
        Chart.copyWithValues(
            tmp.resolve("attentive"),
            Map.of("kafka.bootstrapServers", "kafka:9092", "secrets.webhookSecret", "s3cr3t"));
    LintResult result = new Helm(chart).lint().strict().call();
    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
  }

  @Test
  void lintOfThePublishedDefaultsPassesWithOnlyInformationalMessages() {
    // helm lint evaluates `required` leniently (it logs "Missing required value"), so the published
    // defaults, with kafka.bootstrapServers and the webhook secret empty, still lint; strict mode
    // above
    // covers warnings.
    LintResult result = new Helm(Chart.dir()).lint().call();
    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages()).allSatisfy(m -> assertThat(m).startsWith("[INFO]"));
  }

  @Test
  void lintFailsOnABrokenTemplate(@TempDir Path tmp) throws Exception {
    // proves the lint assertions can fail: the same chart with one unparsable template
    Path chart = Chart.copyWithValues(tmp.resolve("attentive"), Map.of());
    java.nio.file.Files.writeString(chart.resolve("templates/broken.yaml"), "{{ if }}\n");
    LintResult result = new Helm(chart).lint().call();
    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("broken.yaml");
  }
}
