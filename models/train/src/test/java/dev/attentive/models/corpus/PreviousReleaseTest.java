package dev.attentive.models.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The release before a pinned version, from metadata written here (no network). */
class PreviousReleaseTest {

  @Test
  void theNewestOlderFinalReleaseOfTheSameFlavour() throws Exception {
    List<String> versions =
        PreviousRelease.versions(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata>
              <groupId>com.google.guava</groupId>
              <artifactId>guava</artifactId>
              <versioning>
                <latest>33.4.0-jre</latest>
                <release>33.4.0-jre</release>
                <versions>
                  <version>33.2.1-android</version>
                  <version>33.2.1-jre</version>
                  <version>33.3.0-android</version>
                  <version>33.3.0-jre</version>
                  <version>33.3.1-android</version>
                  <version>33.3.1-jre</version>
                  <version>33.4.0-jre</version>
                </versions>
              </versioning>
            </metadata>
            """
                .getBytes(StandardCharsets.UTF_8));

    assertThat(versions).hasSize(7);
    assertThat(PreviousRelease.before("33.3.1-jre", versions)).contains("33.3.0-jre");
    assertThat(PreviousRelease.before("33.2.1-jre", versions)).isEmpty();
  }

  @Test
  void preReleasesAndOtherFlavoursAreSkippedAndOrderIsMavens() {
    List<String> versions =
        List.of("4.1.9.Final", "4.1.10.Final", "4.1.11.CR1", "4.1.11.Final", "5.0.0.Alpha2");
    assertThat(PreviousRelease.before("4.1.11.Final", versions)).contains("4.1.10.Final");

    List<String> plain =
        List.of("2.2", "3.0-rc1", "3.0", "3.1.0-M1", "3.1.0-beta-2", "3.1.0-SNAPSHOT", "3.1.0");
    assertThat(PreviousRelease.before("3.1.0", plain)).contains("3.0");
    assertThat(PreviousRelease.before("3.0", plain)).contains("2.2");
    assertThat(PreviousRelease.before("2.2", plain)).isEmpty();
  }
}
