package dev.attentive.testkit.github;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The requests the emulator received, read back from WireMock's journal. */
final class RequestJournal {

  /**
   * Counts requests as they arrive, before they are answered: WireMock journals each only after
   * answering it, so the journal can lag behind (see {@link #settle()}). Registered with the server
   * before it starts.
   */
  static final class Counter implements StubRequestFilterV2 {
    private final AtomicLong received = new AtomicLong();

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      received.incrementAndGet();
      return RequestFilterAction.continueWith(request);
    }

    @Override
    public String getName() {
      return "attentive-request-counter";
    }
  }

  private final WireMockServer server;
  private final Counter counter;

  RequestJournal(WireMockServer server, Counter counter) {
    this.server = server;
    this.counter = counter;
  }

  /**
   * How many requests with this method ({@code ANY} for all) had a path fully matching the regex.
   */
  int count(String method, String urlPathRegex) {
    settle();
    return server.countRequestsMatching(Stubs.pattern(method, urlPathRegex).build()).getCount();
  }

  /** The matching requests, oldest first. */
  List<RecordedRequest> requests(String method, String urlPathRegex) {
    settle();
    List<LoggedRequest> logged =
        new ArrayList<>(server.findAll(Stubs.pattern(method, urlPathRegex)));
    logged.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
    return logged.stream().map(RecordedRequest::of).toList();
  }

  /** When the matching requests arrived (millisecond precision), oldest first. */
  List<Instant> times(String method, String urlPathRegex) {
    settle();
    return server.findAll(Stubs.pattern(method, urlPathRegex)).stream()
        .map(r -> r.getLoggedDate().toInstant())
        .sorted()
        .toList();
  }

  /** Forgets the count; the journal itself goes with the server's reset. */
  void reset() {
    counter.received.set(0);
  }

  /**
   * Waits (at most 5 s) until every request received is in the journal: a test that saw the effect
   * of a request (a stored review) would otherwise count requests a moment before the last one is
   * journaled.
   */
  private void settle() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (server.getAllServeEvents().size() < counter.received.get()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
