package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class PackageNamingTest {

  private static final Convention LOWER = Learn.enforced(PackageNaming.ID, "lowercase");

  @Test
  void learnsLowercasePackagesOncePerFile() {
    Convention c =
        Learn.from(
            new PackageNaming(),
            20,
            "package org.apache.commons.io2;\nclass A {}\n",
            "class NoPackage {}\n");
    assertThat(c.value()).isEqualTo("lowercase");
    assertThat(c.follows()).isEqualTo(20);
    assertThat(c.enforced()).isTrue();
    assertThat(c.evidence()).contains("20 of 20 package declarations");
    Convention mixed =
        Learn.from(
            new PackageNaming(),
            10,
            "package org.apache.io;\nclass A {}\n",
            "package org.Apache.io;\nclass A {}\n");
    assertThat(mixed.enforced()).isFalse();
    assertThat(PackageNaming.valueOf("com.foo_bar")).isEqualTo("other");
    assertThat(PackageNaming.valueOf("com.2d")).isEqualTo("other");
    assertThat(PackageNaming.valueOf("com.d2")).isEqualTo("lowercase");
  }

  @Test
  void aNewPackageOutsideTheConventionIsNotedWithoutReplacement() {
    String text = "package org.example.myModule;\n\nclass A {}\n";
    assertThat(Learn.check(new PackageNaming(), LOWER, text, Learn.all(text)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.ruleId()).isEqualTo(PackageNaming.ID);
              assertThat(d.startLine()).isEqualTo(1);
              assertThat(d.replacement()).isNull();
              assertThat(d.message())
                  .contains("`org.example.myModule`")
                  .contains("this repository does it");
            });
  }

  @Test
  void silentOnConformingUnchangedOrOnlyTouchedPackages() {
    String fine = "package org.example.module;\nclass A {}\n";
    assertThat(Learn.check(new PackageNaming(), LOWER, fine, Learn.all(fine))).isEmpty();
    String old = "package org.example.myModule;\nclass A {}\n";
    assertThat(Learn.check(new PackageNaming(), LOWER, old, Learn.lines(2))).isEmpty();
    // the line was touched (a trailing comment added), the package was already named so
    String touched = "package org.example.myModule; // legacy\nclass A {}\n";
    assertThat(
            Learn.check(
                new PackageNaming(),
                LOWER,
                touched,
                Learn.replaced(1, "package org.example.myModule;")))
        .isEmpty();
    assertThat(
            Learn.check(
                new PackageNaming(),
                Learn.enforced(PackageNaming.ID, "other"),
                old,
                Learn.all(old)))
        .isEmpty();
  }
}
