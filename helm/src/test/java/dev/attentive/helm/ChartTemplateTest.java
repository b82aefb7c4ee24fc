package dev.attentive.helm;

import static dev.attentive.helm.Chart.PREFIX;
import static dev.attentive.helm.Chart.container;
import static dev.attentive.helm.Chart.env;
import static dev.attentive.helm.Chart.envVar;
import static dev.attentive.helm.Chart.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.helm.Chart.Manifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartTemplateTest {

  private static final String INGEST = PREFIX + "-ingest";
  private static final String REVIEWER = PREFIX + "-reviewer";
  private static final String REVIEWER_GPU = PREFIX + "-reviewer-gpu";
  private static final String PUBLISHER = PREFIX + "-publisher";
  private static final String SECRET = PREFIX + "-secrets";

  private static final List<String> TOPICS =
      List.of(
          "attentive.webhook-deliveries.v1",
          "attentive.diff-chunks.v1",
          "attentive.diff-manifests.v1",
          "attentive.bot-commands.v1",
          "attentive.reviews.v1",
          "attentive.repo-profiles.v1",
          "attentive.profile-requests.v1",
          "attentive.dead-letters.v1");

  @Test
  void defaultRenderHasThreeDeploymentsSecretServicesAndPdbs() {
    Manifests m = render(Map.of());

    assertThat(m.namesOf("Deployment")).containsExactlyInAnyOrder(INGEST, REVIEWER, PUBLISHER);
    assertThat(m.namesOf("Service")).containsExactlyInAnyOrder(INGEST, REVIEWER, PUBLISHER);
    assertThat(m.namesOf("Secret")).containsExactly(SECRET);
    assertThat(m.namesOf("ConfigMap")).containsExactlyInAnyOrder(INGEST, REVIEWER, PUBLISHER);
    assertThat(m.namesOf("ServiceAccount")).containsExactly(PREFIX);
    assertThat(m.namesOf("PodDisruptionBudget"))
        .containsExactlyInAnyOrder(INGEST, REVIEWER, PUBLISHER);
    assertThat(m.ofKind("Ingress")).isEmpty();
    assertThat(m.ofKind("Job")).isEmpty();
    assertThat(m.ofKind("ScaledObject")).isEmpty();
    assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();

    JsonNode secret = m.get("Secret", SECRET);
    assertThat(secret.path("stringData").path("webhook-secret").asText()).isEqualTo("s3cr3t");
    List<String> keys = new ArrayList<>();
    secret.path("stringData").fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactlyInAnyOrder(
            "webhook-secret", "github-token", "app-id", "app-private-key.pem", "marker-secret");

    for (JsonNode pdb : m.ofKind("PodDisruptionBudget")) {
      assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(1);
    }
    assertThat(m.get("PodDisruptionBudget", REVIEWER).at("/spec/selector/matchLabels"))
        .isEqualTo(m.get("Service", REVIEWER).at("/spec/selector"));
  }

  @Test
  void ingestServiceMapsPort80ToTheContainerPort8080() {
    Manifests m = render(Map.of());
    JsonNode service = m.get("Service", INGEST);
    JsonNode port = service.at("/spec/ports/0");
    assertThat(port.path("port").asInt()).isEqualTo(80);
    assertThat(port.path("targetPort").asText()).isEqualTo("http");
    assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");

    JsonNode deployment = m.get("Deployment", INGEST);
    JsonNode containerPort = container(deployment).at("/ports/0");
    assertThat(containerPort.path("name").asText()).isEqualTo("http");
    assertThat(containerPort.path("containerPort").asInt()).isEqualTo(8080);
    assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    assertThat(service.at("/spec/selector/app.kubernetes.io~1component").asText())
        .isEqualTo("ingest");
  }

  @Test
  void everyServiceHasHealthProbesScrapeAnnotationsPortAndKafka() {
    Manifests m = render(Map.of());
    Map<String, Integer> ports = Map.of(INGEST, 8080, REVIEWER, 8081, PUBLISHER, 8082);
    ports.forEach(
        (name, port) -> {
          JsonNode deployment = m.get("Deployment", name);
          JsonNode c = container(deployment);
          assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
          assertThat(c.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
          assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
          assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
          assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(port);

          JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
          assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
          assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(port.toString());
          assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");

          Map<String, String> env = env(deployment);
          assertThat(env)
              .containsEntry("PORT", port.toString())
              .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.streaming.svc:9092")
              .containsEntry("ATTENTIVE_STATE_DIR", "/var/lib/attentive/state");
          assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1name").asText())
              .isEqualTo("attentive");
          assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1instance").asText())
              .isEqualTo("rel");
          assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1version").asText())
              .isEqualTo("0.1.0");
          assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1managed-by").asText())
              .isEqualTo("Helm");
        });
  }

  @Test
  void podsRunAsNonRootOnAReadOnlyRootWithWritableTmpAndStateDir() {
    Manifests m = render(Map.of());
    for (JsonNode deployment : m.ofKind("Deployment")) {
      JsonNode pod = deployment.at("/spec/template/spec");
      assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(pod.at("/serviceAccountName").asText()).isEqualTo(PREFIX);
      JsonNode c = container(deployment);
      assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(c.at("/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
      assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
      List<String> mounts = new ArrayList<>();
      c.path("volumeMounts").forEach(v -> mounts.add(v.path("mountPath").asText()));
      assertThat(mounts).contains("/tmp", "/var/lib/attentive/state");
      List<String> emptyDirs = new ArrayList<>();
      pod.path("volumes")
          .forEach(
              v -> {
                if (v.has("emptyDir")) {
                  emptyDirs.add(v.path("name").asText());
                }
              });
      assertThat(emptyDirs).containsExactlyInAnyOrder("tmp", "state");
      assertThat(c.path("resources").path("requests").path("memory").isMissingNode()).isFalse();
    }
  }

  @Test
  void imagesDefaultToTheAppVersionAndHonourOverrides() {
    Manifests m =
        render(
            Map.of(
                "ingest.image.repository",
                "registry.local/ingest",
                "ingest.image.tag",
                "1.2.3",
                "publisher.image.pullPolicy",
                "Always"));
    assertThat(container(m.get("Deployment", INGEST)).path("image").asText())
        .isEqualTo("registry.local/ingest:1.2.3");
    assertThat(container(m.get("Deployment", REVIEWER)).path("image").asText())
        .isEqualTo("ghcr.io/attentive-dev/attentive-reviewer:0.1.0");
    assertThat(container(m.get("Deployment", PUBLISHER)).path("imagePullPolicy").asText())
        .isEqualTo("Always");
  }

  @Test
  void gpuPoolAddsAFourthDeploymentWithGpuLimitsTolerationsAndNodeSelector() {
    Manifests m =
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
            """);
    assertThat(m.namesOf("Deployment"))
        .containsExactlyInAnyOrder(INGEST, REVIEWER, REVIEWER_GPU, PUBLISHER);

    JsonNode gpu = m.get("Deployment", REVIEWER_GPU);
    assertThat(gpu.at("/spec/replicas").asInt()).isEqualTo(2);
    JsonNode c = container(gpu);
    assertThat(c.at("/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("2");
    assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("8Gi");
    assertThat(c.path("image").asText())
        .isEqualTo("registry.local/attentive-reviewer-gpu:0.1.0-cuda");
    assertThat(env(gpu))
        .containsEntry("ATTENTIVE_REVIEWER_MODEL_DEVICE", "gpu")
        .containsEntry("TENSORFLOW_LIBRARY_PATH", "/opt/attentive/tensorflow-gpu");
    JsonNode pod = gpu.at("/spec/template/spec");
    assertThat(pod.at("/nodeSelector/nvidia.com~1gpu.present").asText()).isEqualTo("true");
    assertThat(pod.at("/nodeSelector").size()).isEqualTo(1);
    assertThat(pod.at("/tolerations").size()).isEqualTo(1);
    assertThat(pod.at("/tolerations/0/key").asText()).isEqualTo("nvidia.com/gpu");
    assertThat(pod.at("/tolerations/0/operator").asText()).isEqualTo("Exists");
    assertThat(pod.at("/tolerations/0/effect").asText()).isEqualTo("NoSchedule");
    assertThat(gpu.at("/spec/selector/matchLabels/attentive.dev~1pool").asText()).isEqualTo("gpu");

    // the CPU pool is untouched: no GPU, no device env, its own selector
    JsonNode cpu = m.get("Deployment", REVIEWER);
    assertThat(container(cpu).at("/resources/limits/nvidia.com~1gpu").isMissingNode()).isTrue();
    assertThat(envVar(cpu, "ATTENTIVE_REVIEWER_MODEL_DEVICE")).isEmpty();
    assertThat(cpu.at("/spec/template/spec/tolerations").isMissingNode()).isTrue();
    assertThat(cpu.at("/spec/selector/matchLabels/attentive.dev~1pool").asText()).isEqualTo("cpu");
  }

  @Test
  void gpuPoolDefaultsToOneGpu() {
    Manifests m = render(Map.of("reviewer.gpu.enabled", "true"));
    JsonNode gpu = m.get("Deployment", REVIEWER_GPU);
    assertThat(container(gpu).at("/resources/limits/nvidia.com~1gpu").asInt()).isEqualTo(1);
    assertThat(container(gpu).path("image").asText())
        .isEqualTo("ghcr.io/attentive-dev/attentive-reviewer-gpu:0.1.0");
  }

  @Test
  void gpuPoolOffRendersNoGpuDeployment() {
    Manifests m = render(Map.of("reviewer.gpu.enabled", "false"));
    assertThat(m.find("Deployment", REVIEWER_GPU)).isEmpty();
    assertThat(m.ofKind("Deployment")).hasSize(3);
    assertThat(m.text())
        .doesNotContain("nvidia.com/gpu")
        .doesNotContain("ATTENTIVE_REVIEWER_MODEL_DEVICE");
  }

  @Test
  void existingSecretRendersNoSecretAndIsReferencedByTheDeployments() {
    Manifests m =
        render(
            Map.of(
                "secrets.existingSecret",
                "attentive-prod-credentials",
                "secrets.webhookSecret",
                ""));
    assertThat(m.ofKind("Secret")).isEmpty();

    List<String> referenced = new ArrayList<>();
    for (JsonNode deployment : m.ofKind("Deployment")) {
      deployment
          .findValues("secretKeyRef")
          .forEach(ref -> referenced.add(ref.path("name").asText()));
      deployment
          .findValues("secret")
          .forEach(vol -> referenced.add(vol.path("secretName").asText()));
    }
    // ingest: webhook-secret, github-token, app-id + volume; publisher: github-token, app-id,
    // marker-secret + volume
    assertThat(referenced).hasSize(8).containsOnly("attentive-prod-credentials");
    JsonNode webhook =
        envVar(m.get("Deployment", INGEST), "ATTENTIVE_WEBHOOK_SECRET").orElseThrow();
    assertThat(webhook.at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo("attentive-prod-credentials");
    assertThat(webhook.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("webhook-secret");
    JsonNode token = envVar(m.get("Deployment", PUBLISHER), "GITHUB_TOKEN").orElseThrow();
    assertThat(token.at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo("attentive-prod-credentials");
    assertThat(token.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("github-token");
    JsonNode markers =
        envVar(m.get("Deployment", PUBLISHER), "ATTENTIVE_PUBLISHER_MARKER_SECRET").orElseThrow();
    assertThat(markers.at("/valueFrom/secretKeyRef/name").asText())
        .isEqualTo("attentive-prod-credentials");
    assertThat(markers.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("marker-secret");
  }

  @Test
  void chartSecretIsReferencedByDefault() {
    Manifests m = render(Map.of());
    JsonNode webhook =
        envVar(m.get("Deployment", INGEST), "ATTENTIVE_WEBHOOK_SECRET").orElseThrow();
    assertThat(webhook.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(SECRET);
    assertThat(envVar(m.get("Deployment", REVIEWER), "GITHUB_TOKEN")).isEmpty();
  }

  @Test
  void missingWebhookSecretFailsWithAClearMessage() {
    assertThatThrownBy(() -> render(Map.of("secrets.webhookSecret", "")))
        .hasMessageContaining("secrets.webhookSecret is required");
  }

  @Test
  void replicasAreHonoured() {
    Manifests m =
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
                "7"));
    assertThat(m.get("Deployment", INGEST).at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(m.get("Deployment", REVIEWER).at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(m.get("Deployment", PUBLISHER).at("/spec/replicas").asInt()).isEqualTo(4);
    assertThat(m.get("Deployment", REVIEWER_GPU).at("/spec/replicas").asInt()).isEqualTo(7);

    Manifests defaults = render(Map.of());
    assertThat(defaults.get("Deployment", INGEST).at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(defaults.get("Deployment", REVIEWER).at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(defaults.get("Deployment", PUBLISHER).at("/spec/replicas").asInt()).isEqualTo(1);
  }

  @Test
  void kedaScalesTheReviewerOnConsumerLagWithoutAnHpa() {
    Manifests m =
        render(
            Map.of(
                "reviewer.autoscaling.keda.enabled",
                "true",
                "reviewer.autoscaling.keda.lagThreshold",
                "20",
                "reviewer.autoscaling.keda.maxReplicas",
                "12"));
    assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();
    JsonNode so = m.get("ScaledObject", REVIEWER);
    assertThat(so.path("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
    assertThat(so.at("/spec/scaleTargetRef/name").asText()).isEqualTo(REVIEWER);
    assertThat(so.at("/spec/maxReplicaCount").asInt()).isEqualTo(12);
    assertThat(so.at("/spec/minReplicaCount").asInt()).isEqualTo(1);
    assertThat(so.at("/spec/triggers")).hasSize(1);
    JsonNode trigger = so.at("/spec/triggers/0");
    assertThat(trigger.path("type").asText()).isEqualTo("kafka");
    assertThat(trigger.at("/metadata/bootstrapServers").asText())
        .isEqualTo("kafka.streaming.svc:9092");
    assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo("attentive-reviewer");
    assertThat(trigger.at("/metadata/topic").asText()).isEqualTo("attentive.diff-chunks.v1");
    assertThat(trigger.at("/metadata/lagThreshold").isTextual()).isTrue();
    assertThat(trigger.at("/metadata/lagThreshold").asText()).isEqualTo("20");
    // the autoscaler owns the replica count
    assertThat(m.get("Deployment", REVIEWER).at("/spec/replicas").isMissingNode()).isTrue();
    assertThat(m.get("Deployment", INGEST).at("/spec/replicas").asInt()).isEqualTo(2);
  }

  @Test
  void hpaScalesTheReviewerOnCpuWithoutKeda() {
    Manifests m =
        render(
            Map.of(
                "reviewer.autoscaling.hpa.enabled",
                "true",
                "reviewer.autoscaling.hpa.targetCPUUtilizationPercentage",
                "60",
                "reviewer.autoscaling.hpa.maxReplicas",
                "9"));
    assertThat(m.ofKind("ScaledObject")).isEmpty();
    JsonNode hpa = m.get("HorizontalPodAutoscaler", REVIEWER);
    assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
    assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(REVIEWER);
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(1);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(9);
    assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
    assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(60);
    assertThat(m.get("Deployment", REVIEWER).at("/spec/replicas").isMissingNode()).isTrue();
  }

  @Test
  void kedaAndHpaTogetherFailRendering() {
    assertThatThrownBy(
            () ->
                render(
                    Map.of(
                        "reviewer.autoscaling.keda.enabled",
                        "true",
                        "reviewer.autoscaling.hpa.enabled",
                        "true")))
        .hasMessageContaining(
            "reviewer.autoscaling.keda.enabled and reviewer.autoscaling.hpa.enabled cannot both be true");
  }

  @Test
  void missingBootstrapServersFailsWithAClearMessage() {
    assertThatThrownBy(() -> render(Map.of("kafka.bootstrapServers", "")))
        .hasMessageContaining("kafka.bootstrapServers is required");
  }

  @Test
  void bootstrapServersListFromAValuesFileReachesEveryService() {
    // --set would win over the file, so only the webhook secret is set
    Manifests m =
        Chart.renderExactly(
            Map.of("secrets.webhookSecret", "s3cr3t"),
            "kafka:\n  bootstrapServers: b-1.msk:9092,b-2.msk:9092\n");
    assertThat(m.ofKind("Deployment")).hasSize(3);
    for (JsonNode deployment : m.ofKind("Deployment")) {
      assertThat(env(deployment))
          .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "b-1.msk:9092,b-2.msk:9092");
    }
  }

  @Test
  void topicsJobIsAPreInstallHookAndTurnsOffTopicCreationInTheServices() {
    Manifests m =
        Chart.renderWithHooks(
            Map.of(
                "topics.createJob.enabled",
                "true",
                "topics.partitions",
                "12",
                "topics.replicationFactor",
                "3"));
    assertThat(m.namesOf("Job")).containsExactly(PREFIX + "-create-topics");
    JsonNode job = m.get("Job", PREFIX + "-create-topics");
    JsonNode annotations = job.at("/metadata/annotations");
    assertThat(annotations.path("helm.sh/hook").asText()).isEqualTo("pre-install,pre-upgrade");
    assertThat(annotations.path("helm.sh/hook-delete-policy").asText())
        .isEqualTo("before-hook-creation,hook-succeeded");
    JsonNode c = container(job);
    assertThat(c.path("image").asText()).isEqualTo("apache/kafka:4.1.1");
    String script = c.at("/command/2").asText();
    assertThat(script)
        .contains("/opt/kafka/bin/kafka-topics.sh")
        .contains("--partitions 12 --replication-factor 3")
        .contains("--create --if-not-exists")
        .contains(
            "for compacted in attentive.repo-profiles.v1 attentive.source-files.v1"
                + " attentive.repo-learning.v1 attentive.model-adaptations.v1; do")
        .contains("config=\"--config cleanup.policy=compact\"");
    for (String topic : TOPICS) {
      assertThat(script).contains(topic);
    }
    assertThat(env(job)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.streaming.svc:9092");

    assertThat(env(m.get("Deployment", INGEST)))
        .containsEntry("ATTENTIVE_INGEST_TOPICS_CREATE", "false");
    assertThat(env(m.get("Deployment", REVIEWER)))
        .containsEntry("ATTENTIVE_REVIEWER_TOPICS_CREATE", "false")
        .containsEntry("ATTENTIVE_REVIEWER_TOPICS_PARTITIONS", "12");
    assertThat(env(m.get("Deployment", PUBLISHER)))
        .containsEntry("ATTENTIVE_PUBLISHER_TOPICS_CREATE", "false")
        .containsEntry("ATTENTIVE_PUBLISHER_TOPICS_REPLICATION_FACTOR", "3");
  }

  @Test
  void withoutTheTopicsJobTheServicesCreateTopics() {
    Manifests m = Chart.renderWithHooks(Map.of());
    assertThat(m.ofKind("Job")).isEmpty();
    assertThat(m.ofKind("ConfigMap")).hasSize(3);
    assertThat(env(m.get("Deployment", INGEST)))
        .containsEntry("ATTENTIVE_INGEST_TOPICS_CREATE", "true")
        .containsEntry("ATTENTIVE_INGEST_TOPICS_PARTITIONS", "6")
        .containsEntry("ATTENTIVE_INGEST_TOPICS_REPLICATION_FACTOR", "1");
    assertThat(env(m.get("Deployment", REVIEWER)))
        .containsEntry("ATTENTIVE_REVIEWER_TOPICS_CREATE", "true");
    assertThat(env(m.get("Deployment", PUBLISHER)))
        .containsEntry("ATTENTIVE_PUBLISHER_TOPICS_CREATE", "true");
  }

  @Test
  void ingressExposesOnlyTheWebhookPathOnTheHost() {
    Manifests m =
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
            """);
    JsonNode ingress = m.get("Ingress", INGEST);
    assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
    assertThat(ingress.at("/metadata/annotations/cert-manager.io~1cluster-issuer").asText())
        .isEqualTo("letsencrypt");
    assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("attentive.example.com");
    assertThat(ingress.at("/spec/rules/0/http/paths/0/path").asText())
        .isEqualTo("/webhooks/github");
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText())
        .isEqualTo(INGEST);
    assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText())
        .isEqualTo("http");
    assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo("attentive.example.com");
    assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo(PREFIX + "-ingest-tls");
  }

  @Test
  void ingressWithoutHostFails() {
    assertThatThrownBy(() -> render(Map.of("ingest.ingress.enabled", "true")))
        .hasMessageContaining("ingest.ingress.host is required");
  }

  @Test
  void configMapsCarryServicePropertiesAsEnvVars() {
    Manifests m =
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
            """);
    assertThat(
            m.get("ConfigMap", INGEST).at("/data/ATTENTIVE_INGEST_WEBHOOK_MAX_BODY_BYTES").asText())
        .isEqualTo("1048576");
    assertThat(m.get("ConfigMap", REVIEWER).at("/data/ATTENTIVE_REVIEWER_ANALYZERS").asText())
        .isEqualTo("style");
    assertThat(
            m.get("ConfigMap", PUBLISHER)
                .at("/data/ATTENTIVE_PUBLISHER_REVIEW_MAX_INLINE_COMMENTS")
                .asText())
        .isEqualTo("10");
    for (String name : List.of(INGEST, REVIEWER, PUBLISHER)) {
      assertThat(container(m.get("Deployment", name)).at("/envFrom/0/configMapRef/name").asText())
          .isEqualTo(name);
    }
  }

  @Test
  void pdbCanBeSwitchedOff() {
    assertThat(render(Map.of("pdb.enabled", "false")).ofKind("PodDisruptionBudget")).isEmpty();
  }
}
