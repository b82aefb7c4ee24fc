package dev.attentive.helm;

import static dev.attentive.helm.Chart.PREFIX;
import static dev.attentive.helm.Chart.container;
import static dev.attentive.helm.Chart.env;
import static dev.attentive.helm.Chart.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.helm.Chart.Manifests;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sandbox Deployment (sandbox.enabled): pull request code runs there, never in the reviewer's
 * pods, so its pods get as little as a pod can: no token, no Secret, a read-only root, bounded
 * scratch, no capabilities, limits, and egress to Kafka (and DNS) only.
 */
class ChartSandboxTest {

  private static final String SANDBOX = PREFIX + "-sandbox";
  private static final String REVIEWER = PREFIX + "-reviewer";

  @Test
  void offByDefaultAndTheReviewerRunsItsSandboxItself() {
    Manifests m = render(Map.of());
    assertThat(m.find("Deployment", SANDBOX)).isEmpty();
    assertThat(m.find("NetworkPolicy", SANDBOX)).isEmpty();
    assertThat(m.find("ConfigMap", SANDBOX)).isEmpty();
    assertThat(env(m.get("Deployment", REVIEWER)))
        .doesNotContainKeys(
            "ATTENTIVE_REVIEWER_TESTS_SANDBOX", "ATTENTIVE_REVIEWER_TESTS_EXECUTION_ENABLED");
  }

  @Test
  void enabledTheReviewerPoolsSendTheirRunsThroughKafkaWithExecutionOn() {
    Manifests m = render(Map.of("sandbox.enabled", "true", "reviewer.gpu.enabled", "true"));
    for (String pool : new String[] {REVIEWER, REVIEWER + "-gpu"}) {
      assertThat(env(m.get("Deployment", pool)))
          .as(pool)
          .containsEntry("ATTENTIVE_REVIEWER_TESTS_SANDBOX", "kafka")
          .containsEntry("ATTENTIVE_REVIEWER_TESTS_EXECUTION_ENABLED", "true");
    }
    JsonNode sandbox = m.get("Deployment", SANDBOX);
    assertThat(env(sandbox))
        .containsEntry("ATTENTIVE_REVIEWER_ROLE", "sandbox")
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.streaming.svc:9092");
    assertThat(container(sandbox).path("image").asText())
        .isEqualTo(container(m.get("Deployment", REVIEWER)).path("image").asText());
    // its own component: the reviewer's Service, PDB and NetworkPolicy do not select it
    assertThat(sandbox.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText())
        .isEqualTo("sandbox");
  }

  @Test
  void theSandboxPodHasNoTokenNoSecretAReadOnlyRootAndLimits() {
    JsonNode sandbox = render(Map.of("sandbox.enabled", "true")).get("Deployment", SANDBOX);
    JsonNode pod = sandbox.at("/spec/template/spec");
    JsonNode c = container(sandbox);

    assertThat(pod.path("automountServiceAccountToken").isBoolean()).isTrue();
    assertThat(pod.path("automountServiceAccountToken").asBoolean()).isFalse();
    assertThat(pod.path("enableServiceLinks").asBoolean(true)).isFalse();
    assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(c.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(c.at("/securityContext/capabilities/drop").toString()).contains("ALL");
    assertThat(c.at("/securityContext/capabilities/add").isMissingNode()).isTrue();
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("2Gi");
    assertThat(c.at("/resources/limits/cpu").asText()).isEqualTo("2");

    // nothing from the Secret, nothing about GitHub
    String text = sandbox.toString();
    assertThat(text).doesNotContain("secretKeyRef", "secretName", "GITHUB", "github");
    assertThat(pod.path("volumes"))
        .allSatisfy(
            v -> {
              assertThat(v.has("emptyDir")).as(v.toString()).isTrue();
              assertThat(v.at("/emptyDir/sizeLimit").asText()).as(v.toString()).isNotBlank();
            });
    assertThat(pod.path("runtimeClassName").isMissingNode()).isTrue();
  }

  @Test
  void runtimeClassSeccompAppArmorScratchAndPlacementComeFromValues() {
    JsonNode sandbox =
        render(
                Map.of(),
                """
                sandbox:
                  enabled: true
                  replicas: 3
                  runtimeClassName: gvisor
                  seccompProfile:
                    type: Localhost
                    localhostProfile: profiles/attentive-sandbox.json
                  appArmorProfile:
                    type: Unconfined
                  scratch:
                    sizeLimit: 128Mi
                    medium: Memory
                  nodeSelector:
                    attentive.dev/untrusted: "true"
                  image:
                    repository: registry.local/attentive-reviewer
                    tag: 0.2.0
                config:
                  sandbox:
                    attentive.reviewer.sandbox.max-timeout: 30s
                """)
            .get("Deployment", SANDBOX);
    JsonNode pod = sandbox.at("/spec/template/spec");
    assertThat(sandbox.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(pod.path("runtimeClassName").asText()).isEqualTo("gvisor");
    assertThat(pod.at("/securityContext/seccompProfile/localhostProfile").asText())
        .isEqualTo("profiles/attentive-sandbox.json");
    assertThat(container(sandbox).at("/securityContext/appArmorProfile/type").asText())
        .isEqualTo("Unconfined");
    assertThat(pod.at("/volumes/0/emptyDir/medium").asText()).isEqualTo("Memory");
    assertThat(pod.at("/volumes/0/emptyDir/sizeLimit").asText()).isEqualTo("128Mi");
    assertThat(pod.at("/nodeSelector/attentive.dev~1untrusted").asText()).isEqualTo("true");
    assertThat(container(sandbox).path("image").asText())
        .isEqualTo("registry.local/attentive-reviewer:0.2.0");
  }

  @Test
  void theSandboxMayReachKafkaAndDnsOnly() {
    Manifests m = render(Map.of("sandbox.enabled", "true"));
    JsonNode policy = m.get("NetworkPolicy", SANDBOX);
    assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asText())
        .isEqualTo("sandbox");
    assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
    assertThat(ports(policy.at("/spec/egress")))
        .containsExactlyInAnyOrder("TCP/9092", "UDP/53", "TCP/53");
    assertThat(policy.at("/spec/egress").toString()).doesNotContain("ipBlock", "443");
    assertThat(ports(policy.at("/spec/ingress"))).containsExactly("TCP/8081");
  }

  @Test
  void withoutDnsOnlyTheBrokersAndOnlyWhereTheyAre() {
    JsonNode policy =
        render(
                Map.of(),
                """
                sandbox:
                  enabled: true
                  networkPolicy:
                    dns: false
                networkPolicy:
                  kafka:
                    ports: [9093]
                    to:
                      - namespaceSelector:
                          matchLabels:
                            kubernetes.io/metadata.name: kafka
                """)
            .get("NetworkPolicy", SANDBOX);
    assertThat(ports(policy.at("/spec/egress"))).containsExactly("TCP/9093");
    assertThat(policy.at("/spec/egress")).hasSize(1);
    assertThat(policy.at("/spec/egress/0/to/0/namespaceSelector/matchLabels").toString())
        .contains("kafka");
  }

  @Test
  void theSandboxTopicsAreCreatedWithTheOthers() {
    String script =
        container(
                Chart.renderWithHooks(Map.of("topics.createJob.enabled", "true"))
                    .ofKind("Job")
                    .get(0))
            .at("/command/2")
            .asText();
    assertThat(script).contains("attentive.sandbox-jobs.v1", "attentive.sandbox-results.v1");
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
}
