package dev.attentive.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalTableTest {

  @TempDir Path stateDir;

  @Test
  void keepsTheNewestRecordPerKeyAndForgetsATombstonedOne() {
    for (boolean persistent : new boolean[] {false, true}) {
      Topology topology = new Topology();
      GlobalTable.addTo(topology, "things", "things.v1", persistent);
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "global-table-test");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("s" + persistent).toString());
      try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
        var in =
            driver.createInputTopic(
                "things.v1", Serdes.String().serializer(), Serdes.ByteArray().serializer());
        in.pipeInput("a", bytes("1"));
        in.pipeInput("b", bytes("2"));
        in.pipeInput("a", bytes("3"));
        in.pipeInput("b", (byte[]) null);
        in.pipeInput(null, bytes("no key"));
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore("things");
        assertThat(new String(store.get("a"), StandardCharsets.UTF_8)).isEqualTo("3");
        assertThat(store.get("b")).isNull();
        int entries = 0;
        try (var all = store.all()) {
          while (all.hasNext()) {
            all.next();
            entries++;
          }
        }
        assertThat(entries).isEqualTo(1);
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
