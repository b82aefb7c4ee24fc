package dev.attentive.reviewer.sandbox;

import dev.attentive.reviewer.ReviewerConfig;
import dev.attentive.reviewer.analysis.testgen.Sandbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A sandbox worker that cannot set up its sandbox (no bubblewrap, user namespaces denied by the
 * pod's seccomp or AppArmor profile...) answers every job {@code UNAVAILABLE}; it says so by being
 * not ready, with the reason, so a rollout shows it instead of a review quietly losing its tests.
 * Always up in the reviewer role.
 */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

  private final ReviewerConfig config;

  public SandboxReadiness(ReviewerConfig config) {
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    if (!ReviewerConfig.ROLE_SANDBOX.equals(config.role())) {
      return HealthCheckResponse.named("sandbox").up().withData("role", config.role()).build();
    }
    Optional<String> problem = Sandbox.problem();
    return HealthCheckResponse.named("sandbox")
        .status(problem.isEmpty())
        .withData("role", config.role())
        .withData("problem", problem.orElse("none"))
        .build();
  }
}
