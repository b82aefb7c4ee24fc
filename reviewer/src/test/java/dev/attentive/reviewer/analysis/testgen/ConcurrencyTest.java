package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One analyzer instance used from several threads at once gives what it gives one call at a time.
 */
class ConcurrencyTest {

  @Test
  void concurrentCallsAgreeWithSequentialOnes() throws Exception {
    TestAnalyzer analyzer = new TestAnalyzer();
    List<PullRequestDiffChunk> chunks =
        List.of(
            Fixtures.fixture("ports", TestAnalyzerTest.PORTS, "Ports.java"),
            Fixtures.fixture("strings", TestAnalyzerTest.TEXTS, "Texts.java"),
            Fixtures.fixture("percentages", TestAnalyzerTest.PERCENTAGES, "Percentages.java"),
            Fixtures.fixture(
                "inventory", "src/main/java/com/acme/inventory/Stock.java", "Stock.java"));
    List<List<Suggestion>> sequential = new ArrayList<>();
    for (PullRequestDiffChunk c : chunks) {
      sequential.add(analyzer.analyze(c));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Suggestion>>> futures = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (PullRequestDiffChunk c : chunks) {
          futures.add(pool.submit(() -> analyzer.analyze(c)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i % chunks.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
