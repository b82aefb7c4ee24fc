package dev.attentive.testkit.github;

import java.util.Map;
import java.util.Objects;

/**
 * What a handler given to {@link GitHubEmulator#serve} answers. The emulator adds GitHub's usual
 * headers (JSON content type, rate limit, request id) unless set here.
 *
 * @param status HTTP status
 * @param body response body (JSON)
 * @param headers extra response headers
 */
public record EmulatedResponse(int status, String body, Map<String, String> headers) {

  public EmulatedResponse {
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  public static EmulatedResponse json(int status, String body) {
    return new EmulatedResponse(status, body, Map.of());
  }
}
