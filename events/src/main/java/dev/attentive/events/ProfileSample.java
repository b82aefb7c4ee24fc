package dev.attentive.events;

/**
 * What a profile was learned from.
 *
 * @param javaFiles Java files in the default branch's tree (before sampling)
 * @param sampledFiles files read and learned from
 * @param skippedFiles files read but not learned from (generated, vendored, unparseable, binary,
 *     over the size cap)
 * @param bytes bytes of source read
 * @param lines lines of source learned from
 * @param requests GitHub requests made (0 when learned from a local checkout)
 */
public record ProfileSample(
    int javaFiles, int sampledFiles, int skippedFiles, long bytes, long lines, int requests) {

  public static final ProfileSample EMPTY = new ProfileSample(0, 0, 0, 0, 0, 0);
}
