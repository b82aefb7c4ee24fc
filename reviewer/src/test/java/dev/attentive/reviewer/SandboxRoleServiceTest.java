package dev.attentive.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.SandboxJob;
import dev.attentive.events.SandboxResult;
import dev.attentive.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The reviewer application started as a sandbox worker ({@code attentive.reviewer.role=sandbox}) on
 * a real broker: it answers a job from {@link Topics#SANDBOX_JOBS} on {@link
 * Topics#SANDBOX_RESULTS}, and its readiness includes the sandbox's own check.
 */
@QuarkusTest
@TestProfile(SandboxRoleServiceTest.SandboxRole.class)
@WithTestResource(ReviewerTestResource.class)
class SandboxRoleServiceTest {

  public static class SandboxRole implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("attentive.reviewer.role", "sandbox");
    }
  }

  @TestHTTPResource("/q/health/ready")
  URL ready;

  @Test
  void aJobIsAnsweredAndTheWorkerSaysItsSandboxWorks() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      out.putNextEntry(new ZipEntry("README.txt"));
      out.write("no classes: the JUnit launcher finds nothing to run".getBytes());
      out.closeEntry();
    }
    String id = UUID.randomUUID().toString();
    ReviewerTestResource.kafka()
        .send(
            Topics.SANDBOX_JOBS,
            id,
            EventSerdes.sandboxJob()
                .serialize(
                    Topics.SANDBOX_JOBS,
                    new SandboxJob(
                        SandboxJob.SCHEMA_VERSION,
                        id,
                        zip.toByteArray(),
                        List.of("junit"),
                        30_000,
                        64,
                        Instant.now())));

    List<SandboxResult> answers =
        ReviewerTestResource.kafka()
            .await(
                Topics.SANDBOX_RESULTS,
                EventSerdes.sandboxResult(),
                r -> r.jobId().equals(id),
                1,
                Duration.ofSeconds(120));
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).outcome()).as(answers.get(0).output()).isEqualTo("COMPLETED");
    assertThat(answers.get(0).lines()).last().isEqualTo("END");

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ready.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).contains("\"sandbox\"", "\"role\": \"sandbox\"");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
  }
}
