package dev.attentive.reviewer.assembly;

import dev.attentive.events.DiffManifest;

/** One input of the review assembly: an analysed chunk or a manifest (exactly one is set). */
public record ReviewPart(ChunkOutcome chunk, DiffManifest manifest) {

  public static ReviewPart of(ChunkOutcome chunk) {
    return new ReviewPart(chunk, null);
  }

  public static ReviewPart of(DiffManifest manifest) {
    return new ReviewPart(null, manifest);
  }

  public String deliveryId() {
    return chunk != null ? chunk.deliveryId() : manifest.deliveryId();
  }
}
