package dev.attentive.helm;

import static dev.attentive.helm.Chart.PREFIX;
import static dev.attentive.helm.Chart.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.helm.Chart.Manifests;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every document the chart renders, for every combination of values the other chart tests render,
 * decodes strictly into the Kubernetes API's types (see {@link KubernetesApi}): no misspelled or
 * misplaced field, no wrongly typed value reaches a cluster.
 */
class ChartKubernetesApiTest {

  static Stream<Named<Supplier<Manifests>>> renders() {
    return Stream.of(
        named("defaults", () -> render(Map.of())),
        named("GPU pool with defaults", () -> render(Map.of("reviewer.gpu.enabled", "true"))),
        named(
            "GPU pool with node selector, tolerations and image",
            () ->
                render(
                    Map.of(),
                    """
                    reviewer:
                      gpu:
                        enabled: true
                        replicas: 2
                        count: 2
                        image:
                          repository: registry.local/attentive-reviewer-gpu
                          tag: 0.1.0-cuda
                        nodeSelector:
                          nvidia.com/gpu.present: "true"
                        tolerations:
                          - key: nvidia.com/gpu
                            operator: Exists
                            effect: NoSchedule
                    """)),
        named(
            "KEDA with authentication",
            () ->
                render(
                    Map.of(
                        "reviewer.autoscaling.keda.enabled",
                        "true",
                        "reviewer.autoscaling.keda.lagThreshold",
                        "20",
                        "reviewer.autoscaling.keda.authenticationRef",
                        "kafka-sasl"))),
        named(
            "HPA",
            () ->
                render(
                    Map.of(
                        "reviewer.autoscaling.hpa.enabled",
                        "true",
                        "reviewer.autoscaling.hpa.targetCPUUtilizationPercentage",
                        "60"))),
        named(
            "existing Secret",
            () ->
                render(
                    Map.of(
                        "secrets.existingSecret",
                        "attentive-prod-credentials",
                        "secrets.webhookSecret",
                        ""))),
        named(
            "replicas",
            () ->
                render(
                    Map.of(
                        "ingest.replicas",
                        "3",
                        "reviewer.cpu.replicas",
                        "5",
                        "publisher.replicas",
                        "4",
                        "reviewer.gpu.enabled",
                        "true",
                        "reviewer.gpu.replicas",
                        "7"))),
        named(
            "topics Job (hook)",
            () ->
                Chart.renderWithHooks(
                    Map.of(
                        "topics.createJob.enabled",
                        "true",
                        "topics.partitions",
                        "12",
                        "topics.replicationFactor",
                        "3",
                        "reviewer.gpu.enabled",
                        "true"))),
        named(
            "Ingress with TLS",
            () ->
                render(
                    Map.of(),
                    """
                    ingest:
                      ingress:
                        enabled: true
                        className: nginx
                        host: attentive.example.com
                        annotations:
                          cert-manager.io/cluster-issuer: letsencrypt
                        tls:
                          enabled: true
                    """)),
        named(
            "service properties",
            () ->
                render(
                    Map.of(),
                    """
                    config:
                      ingest:
                        attentive.ingest.webhook.max-body-bytes: 1048576
                      reviewer:
                        ATTENTIVE_REVIEWER_ANALYZERS: style
                      publisher:
                        attentive.publisher.review.max-inline-comments: 10
                    """)),
        named(
            "NetworkPolicy peers and a GitHub Enterprise address",
            () ->
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
                    """)),
        named(
            "bootstrap servers from a values file",
            () ->
                Chart.renderExactly(
                    Map.of("secrets.webhookSecret", "s3cr3t"),
                    "kafka:\n  bootstrapServers: b-1.msk:9092,b-2.msk:9092\n")),
        named("sandbox Deployment with defaults", () -> render(Map.of("sandbox.enabled", "true"))),
        named(
            "sandbox with runtime class, profiles, tmpfs scratch, placement, no DNS",
            () ->
                render(
                    Map.of("reviewer.gpu.enabled", "true"),
                    """
                    sandbox:
                      enabled: true
                      replicas: 4
                      runtimeClassName: gvisor
                      seccompProfile:
                        type: Localhost
                        localhostProfile: profiles/attentive-sandbox.json
                      appArmorProfile:
                        type: Unconfined
                      scratch:
                        sizeLimit: 128Mi
                        medium: Memory
                      networkPolicy:
                        dns: false
                      nodeSelector:
                        attentive.dev/untrusted: "true"
                      tolerations:
                        - key: attentive.dev/untrusted
                          operator: Exists
                          effect: NoSchedule
                      extraEnv:
                        - name: JAVA_OPTS
                          value: -Xmx384m
                    config:
                      sandbox:
                        attentive.reviewer.sandbox.max-heap-mb: 256
                    """)),
        named(
            "PDBs, NetworkPolicies and Prometheus annotations off, small /tmp",
            () ->
                render(
                    Map.of(
                        "pdb.enabled",
                        "false",
                        "networkPolicy.enabled",
                        "false",
                        "metrics.prometheusAnnotations",
                        "false",
                        "tmpDir.sizeLimit",
                        "64Mi",
                        "stateDir.sizeLimit",
                        ""))));
  }

  private static Named<Supplier<Manifests>> named(String name, Supplier<Manifests> render) {
    return Named.of(name, render);
  }

  @ParameterizedTest
  @MethodSource("renders")
  void everyRenderedDocumentIsAValidKubernetesObject(Supplier<Manifests> render) {
    Manifests m = render.get();
    assertThat(m.ofKind("Deployment")).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode doc : m.docs()) {
      Object decoded = KubernetesApi.decode(doc);
      assertThat(decoded).isInstanceOf(KubernetesApi.TYPES.get(typeOf(doc)));
    }
  }

  @Test
  void aMisspelledFieldFails() {
    Manifests m = render(Map.of());
    String text = m.text();
    assertThat(text).contains("\n      containers:\n");
    Manifests misspelled =
        Manifests.parse(text.replace("\n      containers:\n", "\n      contianers:\n"));

    assertThatThrownBy(() -> misspelled.docs().forEach(KubernetesApi::decode))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apps/v1/Deployment")
        .hasMessageContaining("contianers");
  }

  @Test
  void aFieldInTheWrongPlaceFails() {
    ObjectNode deployment =
        (ObjectNode) Chart.render(Map.of()).get("Deployment", PREFIX + "-ingest");
    // the image belongs to the container, not to the pod
    ((ObjectNode) deployment.at("/spec/template/spec")).put("image", "attentive-ingest:0.1.0");
    assertThatThrownBy(() -> KubernetesApi.decode(deployment))
        .hasMessageContaining("\"image\"")
        .hasMessageContaining("PodSpec");
  }

  @Test
  void aStringWhereTheApiWantsANumberFailsAndTheOtherWayRound() {
    ObjectNode deployment =
        (ObjectNode) Chart.render(Map.of()).get("Deployment", PREFIX + "-publisher");
    assertThat(KubernetesApi.decode(deployment)).isInstanceOf(Deployment.class);

    ((ObjectNode) deployment.get("spec")).put("replicas", "1");
    assertThatThrownBy(() -> KubernetesApi.decode(deployment)).hasMessageContaining("replicas");

    ((ObjectNode) deployment.get("spec")).put("replicas", 1);
    ((ObjectNode) deployment.at("/spec/template/spec/containers/0/env/0")).put("value", 8082);
    assertThatThrownBy(() -> KubernetesApi.decode(deployment)).hasMessageContaining("value");

    ((ObjectNode) deployment.at("/spec/template/spec/containers/0/env/0")).put("value", "8082");
    ObjectNode limits =
        (ObjectNode) deployment.at("/spec/template/spec/containers/0/resources/limits");
    limits.put("cpu", 2);
    assertThat(KubernetesApi.decode(deployment)).isInstanceOf(Deployment.class);
    limits.put("memory", "768 MB");
    assertThatThrownBy(() -> KubernetesApi.decode(deployment))
        .hasMessageContaining("not a quantity");
  }

  @Test
  void theScaledObjectIsCheckedAgainstKedasFields() {
    Manifests m = render(Map.of("reviewer.autoscaling.keda.enabled", "true"));
    ObjectNode scaledObject = (ObjectNode) m.get("ScaledObject", PREFIX + "-reviewer");
    KubernetesApi.ScaledObject decoded =
        (KubernetesApi.ScaledObject) KubernetesApi.decode(scaledObject);
    assertThat(decoded.spec().triggers()).hasSize(1);
    // The chart default (values.yaml), rendered as the string KEDA reads.
    assertThat(decoded.spec().triggers().get(0).metadata()).containsEntry("lagThreshold", "100");

    // KEDA reads trigger metadata as strings only
    ObjectNode metadata = (ObjectNode) scaledObject.at("/spec/triggers/0/metadata");
    metadata.put("lagThreshold", 50);
    assertThatThrownBy(() -> KubernetesApi.decode(scaledObject))
        .hasMessageContaining("lagThreshold");

    metadata.put("lagThreshold", "50");
    ObjectNode spec = (ObjectNode) scaledObject.get("spec");
    spec.set("maxReplicas", spec.remove("maxReplicaCount"));
    assertThatThrownBy(() -> KubernetesApi.decode(scaledObject))
        .hasMessageContaining("maxReplicas");
  }

  @Test
  void aKindTheCheckDoesNotKnowFails() {
    JsonNode doc =
        Manifests.parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\nspec: {}\n")
            .docs()
            .get(0);
    assertThatThrownBy(() -> KubernetesApi.decode(doc))
        .hasMessageContaining("v1/Pod stray: not an API type this check knows");
  }

  private static String typeOf(JsonNode doc) {
    return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
  }
}
