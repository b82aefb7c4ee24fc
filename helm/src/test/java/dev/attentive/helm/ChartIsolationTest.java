package dev.attentive.helm;

import static dev.attentive.helm.Chart.PREFIX;
import static dev.attentive.helm.Chart.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.helm.Chart.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in the cluster: which pods may talk to what (NetworkPolicies) and how much
 * scratch space a pod may fill.
 */
class ChartIsolationTest {

  private static final String INGEST = PREFIX + "-ingest";
  private static final String REVIEWER = PREFIX + "-reviewer";
  private static final String PUBLISHER = PREFIX + "-publisher";

  @Test
  void everyServiceHasANetworkPolicySelectingItsPods() {
    Manifests m = render(Map.of("reviewer.gpu.enabled", "true"));

    assertThat(m.namesOf("NetworkPolicy")).containsExactlyInAnyOrder(INGEST, REVIEWER, PUBLISHER);
    for (JsonNode deployment : m.ofKind("Deployment")) {
      String component =
          deployment.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText();
      JsonNode policy = m.get("NetworkPolicy", PREFIX + "-" + component);
      JsonNode selector = policy.at("/spec/podSelector/matchLabels");
      selector
          .fields()
          .forEachRemaining(
              label ->
                  assertThat(
                          deployment
                              .at("/spec/template/metadata/labels")
                              .path(label.getKey())
                              .asText())
                      .as("%s selects %s", policy.at("/metadata/name"), label)
                      .isEqualTo(label.getValue().asText()));
      assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
    }
  }

  @Test
  void theReviewerMayReachKafkaAndDnsOnly() {
    JsonNode reviewer = render(Map.of()).get("NetworkPolicy", REVIEWER);

    assertThat(egressPorts(reviewer)).containsExactlyInAnyOrder("TCP/9092", "UDP/53", "TCP/53");
    assertThat(reviewer.at("/spec/egress").toString()).doesNotContain("ipBlock", "443");
    assertThat(ingressPorts(reviewer)).containsExactly("TCP/8081");
  }

  @Test
  void ingestAndPublisherMayAlsoReachGitHubOn443() {
    Manifests m = render(Map.of());
    for (String name : List.of(INGEST, PUBLISHER)) {
      JsonNode policy = m.get("NetworkPolicy", name);
      assertThat(egressPorts(policy))
          .containsExactlyInAnyOrder("TCP/9092", "UDP/53", "TCP/53", "TCP/443");
      JsonNode github = egressRule(policy, 443);
      assertThat(github.at("/to/0/ipBlock/cidr").asText()).isEqualTo("0.0.0.0/0");
      assertThat(github.path("to")).hasSize(1);
    }
    assertThat(ingressPorts(m.get("NetworkPolicy", INGEST))).containsExactly("TCP/8080");
    assertThat(ingressPorts(m.get("NetworkPolicy", PUBLISHER))).containsExactly("TCP/8082");
  }

  @Test
  void peersPortsAndTheGitHubAddressComeFromValues() {
    Manifests m =
        render(
            Map.of("github.apiUrl", "https://ghe.example.com:8443/api/v3"),
            """
            networkPolicy:
              kafka:
                ports: [9093]
                to:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: kafka
              github:
                cidrs: ["10.20.0.5/32"]
              ingest:
                from:
                  - namespaceSelector:
                      matchLabels:
                        kubernetes.io/metadata.name: ingress-nginx
            """);
    JsonNode ingest = m.get("NetworkPolicy", INGEST);
    assertThat(egressPorts(ingest))
        .containsExactlyInAnyOrder("TCP/9093", "UDP/53", "TCP/53", "TCP/8443");
    assertThat(egressRule(ingest, 9093).at("/to/0/namespaceSelector/matchLabels").toString())
        .contains("kafka");
    assertThat(egressRule(ingest, 8443).at("/to/0/ipBlock/cidr").asText())
        .isEqualTo("10.20.0.5/32");
    assertThat(ingest.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels").toString())
        .contains("ingress-nginx");
    assertThat(egressPorts(m.get("NetworkPolicy", REVIEWER)))
        .containsExactlyInAnyOrder("TCP/9093", "UDP/53", "TCP/53");
  }

  @Test
  void networkPoliciesCanBeSwitchedOff() {
    assertThat(render(Map.of("networkPolicy.enabled", "false")).ofKind("NetworkPolicy")).isEmpty();
  }

  @Test
  void everyScratchVolumeHasASizeLimit() {
    Manifests m =
        Chart.renderWithHooks(
            Map.of("topics.createJob.enabled", "true", "reviewer.gpu.enabled", "true"));
    List<JsonNode> pods = new ArrayList<>();
    m.ofKind("Deployment").forEach(d -> pods.add(d));
    m.ofKind("Job").forEach(j -> pods.add(j));
    assertThat(pods).hasSize(5);
    for (JsonNode pod : pods) {
      for (JsonNode volume : pod.at("/spec/template/spec/volumes")) {
        if (volume.has("emptyDir")) {
          assertThat(volume.at("/emptyDir/sizeLimit").asText())
              .as("%s volume %s", pod.at("/metadata/name"), volume.path("name"))
              .isNotBlank();
        }
      }
    }
    assertThat(tmpLimit(m.get("Deployment", REVIEWER))).isEqualTo("512Mi");

    Manifests small = render(Map.of("tmpDir.sizeLimit", "64Mi"));
    for (JsonNode deployment : small.ofKind("Deployment")) {
      assertThat(tmpLimit(deployment)).isEqualTo("64Mi");
    }
  }

  private static String tmpLimit(JsonNode pod) {
    for (JsonNode volume : pod.at("/spec/template/spec/volumes")) {
      if ("tmp".equals(volume.path("name").asText())) {
        return volume.at("/emptyDir/sizeLimit").asText();
      }
    }
    throw new AssertionError("no tmp volume in " + pod.at("/metadata/name"));
  }

  private static Set<String> egressPorts(JsonNode policy) {
    return ports(policy.at("/spec/egress"));
  }

  private static Set<String> ingressPorts(JsonNode policy) {
    return ports(policy.at("/spec/ingress"));
  }

  private static Set<String> ports(JsonNode rules) {
    Set<String> ports = new TreeSet<>();
    for (JsonNode rule : rules) {
      for (JsonNode port : rule.path("ports")) {
        ports.add(port.path("protocol").asText() + "/" + port.path("port").asText());
      }
    }
    return ports;
  }

  private static JsonNode egressRule(JsonNode policy, int port) {
    for (JsonNode rule : policy.at("/spec/egress")) {
      for (JsonNode p : rule.path("ports")) {
        if (p.path("port").asInt() == port) {
          return rule;
        }
      }
    }
    throw new AssertionError("no egress on " + port + " in " + policy);
  }
}
