package dev.attentive.ingest.webhook;

import dev.attentive.events.EventJson;
import dev.attentive.ingest.IngestConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * The webhook endpoint. A plain Vert.x route rather than a JAX-RS resource because the path is
 * configuration, the signature needs the raw bytes, and an oversized body must get our JSON 413
 * before it is read in full.
 */
@ApplicationScoped
public class WebhookRoute {

  private static final Logger LOG = Logger.getLogger(WebhookRoute.class);

  private static final String BODY = "attentive.webhook.body";
  private static final String HMAC = "attentive.webhook.hmac";

  private final WebhookIntake intake;
  private final String path;

  public WebhookRoute(WebhookIntake intake, IngestConfig config) {
    this.intake = intake;
    this.path = config.webhook().path();
  }

  void register(@Observes Router router) {
    router
        .post(path)
        .handler(this::receive)
        .blockingHandler(this::handle, false)
        .failureHandler(this::fail);
    LOG.infof("GitHub webhooks accepted at POST %s", path);
  }

  /**
   * Reads the body on the event loop, feeding the HMAC chunk by chunk and holding at most the
   * configured cap: a declared length over the cap is refused before a byte is read, and a body
   * that grows past it is refused at that chunk, the rest read and dropped (as Vert.x's BodyHandler
   * does, so the client still gets our 413). The bytes are kept because a verified delivery is
   * stored as received; nothing is parsed until the signature has matched.
   */
  private void receive(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long declared = declaredLength(request);
    if (declared > intake.maxBodyBytes()) {
      request.handler(chunk -> {}).endHandler(end -> {});
      request.resume();
      ctx.fail(413);
      return;
    }
    BoundedBody body = new BoundedBody(intake.maxBodyBytes(), declared);
    WebhookSignature.Streaming hmac = intake.signatureStream();
    request.handler(
        chunk -> {
          if (body.refused()) {
            return;
          }
          if (!body.append(chunk)) {
            ctx.fail(413);
            return;
          }
          hmac.update(chunk.getBytes());
        });
    request.exceptionHandler(ctx::fail);
    request.endHandler(
        end -> {
          if (!body.refused() && !ctx.failed()) {
            ctx.put(BODY, body.bytes());
            ctx.put(HMAC, hmac);
            ctx.next();
          }
        });
    request.resume();
  }

  private void handle(RoutingContext ctx) {
    var headers = ctx.request().headers();
    IntakeResult result =
        intake.accept(
            headers.get("X-GitHub-Event"),
            headers.get("X-GitHub-Delivery"),
            headers.get("X-Hub-Signature-256"),
            ctx.<byte[]>get(BODY),
            ctx.<WebhookSignature.Streaming>get(HMAC));
    respond(ctx, result);
  }

  private static long declaredLength(HttpServerRequest request) {
    String value = request.getHeader("Content-Length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body so far, never more than the cap; sized once when the length is declared. */
  private static final class BoundedBody {
    private final long max;
    private byte[] bytes;
    private int size;
    private boolean refused;

    BoundedBody(long max, long declared) {
      this.max = max;
      this.bytes = new byte[(int) (declared >= 0 ? declared : Math.min(max, 64 * 1024))];
    }

    /** False, and nothing kept, once the body would exceed the cap. */
    boolean append(Buffer chunk) {
      long needed = (long) size + chunk.length();
      if (needed > max) {
        refused = true;
        bytes = null;
        return false;
      }
      if (needed > bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(needed, 2L * bytes.length)));
      }
      chunk.getBytes(0, chunk.length(), bytes, size);
      size = (int) needed;
      return true;
    }

    boolean refused() {
      return refused;
    }

    byte[] bytes() {
      return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
  }

  private void fail(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      respond(ctx, intake.tooLarge());
      return;
    }
    // Never a bare 5xx page: say what happened. Reaching here is a bug in ingest, not bad input.
    LOG.error("webhook handling failed", ctx.failure());
    respond(
        ctx,
        IntakeResult.rejected(
            ctx.statusCode() >= 400 && ctx.statusCode() < 500 ? ctx.statusCode() : 500,
            "internal_error",
            "ingest failed to handle the delivery; redeliver it from GitHub"));
  }

  private static void respond(RoutingContext ctx, IntakeResult result) {
    if (ctx.response().ended()) {
      return;
    }
    try {
      ctx.response()
          .setStatusCode(result.status())
          .putHeader("Content-Type", "application/json")
          .end(Buffer.buffer(EventJson.mapper().writeValueAsBytes(result.body())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.response().setStatusCode(500).end();
    }
  }
}
