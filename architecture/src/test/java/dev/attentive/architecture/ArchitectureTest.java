package dev.attentive.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The walls between the services and the layers of the model library (issue 10). Each rule names
 * what it protects; a failure lists the offending classes and calls.
 */
class ArchitectureTest {

  private final JavaClasses classes = CompiledModules.all();

  @Test
  void theImportedClassesCoverEveryService() {
    for (String pkg :
        List.of(
            "dev.attentive.events",
            "dev.attentive.ingest",
            "dev.attentive.reviewer",
            "dev.attentive.publisher")) {
      assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as(pkg)
          .isTrue();
    }
  }

  @Test
  void ingestStaysInItsRoom() {
    room("ingest", "reviewer", "publisher").check(classes);
  }

  @Test
  void reviewerStaysInItsRoom() {
    room("reviewer", "ingest", "publisher").check(classes);
  }

  @Test
  void publisherStaysInItsRoom() {
    room("publisher", "ingest", "reviewer").check(classes);
  }

  @Test
  void theReviewerHoldsNoGitHubClientNorCredentials() {
    noClasses()
        .that()
        .resideInAPackage("dev.attentive.reviewer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kohsuke..", "dev.attentive.github..")
        .because(
            "the reviewer reads only Kafka; GitHub access and its credentials stay in ingest and publisher")
        .check(classes);
  }

  @Test
  void onlyTheContractsAndTheStreamsBaseCreateTopics() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.attentive.events..", "dev.attentive.streams..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.apache.kafka.clients.admin.NewTopic")
        .because(
            "topic names and their configuration live only in events (Topics); one initializer creates them")
        .check(classes);
  }

  @Test
  void theRemovedDuplicatesStayRemoved() {
    noClasses()
        .should()
        .haveSimpleName("Exactly")
        .orShould()
        .haveSimpleName("DeadLettering")
        .because("dead-lettering lives once, in the exactly-once streams base")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage("dev.attentive.ingest..", "dev.attentive.publisher..")
        .should()
        .haveSimpleName("TokenGitHubClients")
        .orShould()
        .haveSimpleName("GitHubClients")
        .orShould()
        .haveSimpleName("GitHubException")
        .orShould()
        .haveSimpleName("GitHubCalls")
        .orShould()
        .haveSimpleName("RetryPolicy")
        .because(
            "GitHub access (clients, retries, failure classification) lives once, in the github-client module")
        .check(classes);
    List<String> initializers =
        classes.stream()
            .map(JavaClass::getName)
            .filter(n -> n.endsWith(".TopicInitializer"))
            .toList();
    assertThat(initializers).as("topic initializers").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void servingCarriesNoTrainingCode() {
    noClasses()
        .that()
        .resideInAnyPackage(MODELS_CORE_AND_SERVE)
        .or()
        .resideInAPackage("dev.attentive.reviewer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(MODELS_TRAIN)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("org.tensorflow.framework..")
        .because(
            "the reviewer ships models-core and models-serve only: no trainer, optimizer or corpus resolver")
        .check(classes);
  }

  @Test
  void onlyTheStreamsBaseWritesDeadLetters() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.attentive.streams..", "dev.attentive.events..")
        .should()
        .callConstructorWhere(
            JavaCall.Predicates.target(
                HasOwner.Predicates.With.owner(
                    HasName.Predicates.name("dev.attentive.events.DeadLetter"))))
        .because(
            "deserialise-or-dead-letter lives once, in the exactly-once streams base (ExactlyOnceProcessor)")
        .check(classes);
  }

  /** The packages of models-core and models-serve: what the reviewer may load. */
  private static final String[] MODELS_CORE_AND_SERVE = {
    "dev.attentive.models.code..",
    "dev.attentive.models.kinds..",
    "dev.attentive.models.predict..",
    "dev.attentive.models.serve.."
  };

  /** The packages of models-train. */
  private static final String[] MODELS_TRAIN = {
    "dev.attentive.models.cli..",
    "dev.attentive.models.corpus..",
    "dev.attentive.models.data..",
    "dev.attentive.models.net..",
    "dev.attentive.models.train.."
  };

  private static ArchRule room(String service, String... others) {
    String[] packages = new String[others.length + 1];
    for (int i = 0; i < others.length; i++) {
      packages[i] = "dev.attentive." + others[i] + "..";
    }
    packages[others.length] = "dev.attentive.local..";
    return noClasses()
        .that()
        .resideInAPackage("dev.attentive." + service + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages)
        .because(
            "each service is one room with one door: they meet only through the topics in events");
  }
}
