package dev.attentive.helm;

import static dev.attentive.helm.Chart.PREFIX;
import static dev.attentive.helm.Chart.container;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.helm.Chart.Manifests;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's default values point at the images that the `images` Maven profile builds (names and
 * tag from the root pom's attentive.images.* properties, passed in by surefire).
 */
class ChartImagesTest {

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s (set in helm/pom.xml)", name).isNotBlank();
    return value;
  }

  @Test
  void defaultImagesAreTheOnesTheImagesProfileBuilds() {
    String registry = property("attentive.images.registry");
    String tag = property("attentive.images.tag");
    Manifests m = Chart.render(Map.of("reviewer.gpu.enabled", "true"));
    Map<String, String> expected =
        Map.of(
            PREFIX + "-ingest", registry + "/attentive-ingest:" + tag,
            PREFIX + "-reviewer", registry + "/attentive-reviewer:" + tag,
            PREFIX + "-publisher", registry + "/attentive-publisher:" + tag,
            // defined, built by -Pimages-gpu (unverified: no CUDA here)
            PREFIX + "-reviewer-gpu", registry + "/attentive-reviewer-gpu:" + tag);
    expected.forEach(
        (deployment, image) ->
            assertThat(container(m.get("Deployment", deployment)).path("image").asText())
                .as(deployment)
                .isEqualTo(image));
  }

  @Test
  void theImageTagIsTheChartsAppVersion() throws IOException {
    JsonNode chart = Chart.YAML.readTree(Chart.dir().resolve("Chart.yaml").toFile());
    assertThat(chart.path("appVersion").asText()).isEqualTo(property("attentive.images.tag"));
  }
}
