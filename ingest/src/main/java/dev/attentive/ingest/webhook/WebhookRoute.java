package dev.attentive.ingest.webhook;

import dev.attentive.events.EventJson;
import dev.attentive.ingest.IngestConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The webhook endpoint. A plain Vert.x route rather than a JAX-RS resource because the path is
 * configuration, the signature needs the raw bytes, and an oversized body must get our JSON 413
 * before it is read in full.
 */
@ApplicationScoped
public class WebhookRoute {

  private static final Logger LOG = Logger.getLogger(WebhookRoute.class);

  private final WebhookIntake intake;
  private final String path;

  public WebhookRoute(WebhookIntake intake, IngestConfig config) {
    this.intake = intake;
    this.path = config.webhook().path();
  }

  void register(@Observes Router router) {
    router
        .post(path)
        .handler(BodyHandler.create(false).setBodyLimit(intake.maxBodyBytes()))
        .blockingHandler(this::handle, false)
        .failureHandler(this::fail);
    LOG.infof("GitHub webhooks accepted at POST %s", path);
  }

  private void handle(RoutingContext ctx) {
    var headers = ctx.request().headers();
    Buffer body = ctx.body().buffer();
    IntakeResult result =
        intake.accept(
            headers.get("X-GitHub-Event"),
            headers.get("X-GitHub-Delivery"),
            headers.get("X-Hub-Signature-256"),
            body == null ? new byte[0] : body.getBytes());
    respond(ctx, result);
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
