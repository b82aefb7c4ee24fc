package dev.attentive.reviewer.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classes a sandbox job carries: there and back, bounded both ways. */
class ClassesZipTest {

  @TempDir Path dir;

  @Test
  void aClassesDirectoryComesBackAsItWas() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/com/acme"));
    Files.write(classes.resolve("Ports.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
    Files.writeString(classes.resolve("AttentiveProbe0_isValidPort.class"), "probe");

    byte[] zip = ClassesZip.zip(dir.resolve("classes"), 1 << 20);
    ClassesZip.unzip(zip, dir.resolve("unpacked"));

    assertThat(dir.resolve("unpacked/com/acme/Ports.class"))
        .hasBinaryContent(new byte[] {(byte) 0xCA, (byte) 0xFE});
    assertThat(dir.resolve("unpacked/com/acme/AttentiveProbe0_isValidPort.class"))
        .hasContent("probe");
  }

  @Test
  void moreThanTheCapIsRefusedWhileZipping() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    byte[] noise = new byte[4096];
    new java.util.Random(1).nextBytes(noise);
    Files.write(classes.resolve("Big.class"), noise);

    assertThatThrownBy(() -> ClassesZip.zip(classes, 1024))
        .isInstanceOf(ClassesZip.TooLarge.class)
        .hasMessageContaining("more than 1024 bytes zipped");
  }

  @Test
  void entriesOutsideTheDirectoryAreRefused() throws Exception {
    for (String name : new String[] {"../escaped.class", "a/../../escaped.class", "/etc/x"}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(1);
        zip.closeEntry();
      }
      Path target = dir.resolve("unpacked-" + Math.abs(name.hashCode()));
      assertThatThrownBy(() -> ClassesZip.unzip(bytes.toByteArray(), target))
          .hasMessageContaining("outside the classes directory");
    }
    assertThat(dir.resolve("escaped.class")).doesNotExist();
  }

  @Test
  void garbageIsNotAZip() {
    assertThatThrownBy(() -> ClassesZip.unzip(new byte[] {1, 2, 3}, dir.resolve("x")))
        .hasMessageContaining("empty or not a zip");
  }
}
