package dev.attentive.models.serve;

import java.io.File;

/**
 * Points DJL's TensorFlow engine at the natives of TF Java's {@code tensorflow-core-native} jar on
 * the classpath, so nothing is downloaded at run time (DJL would otherwise try its CDN). An
 * operator may instead set {@code TENSORFLOW_LIBRARY_PATH} (e.g. to the GPU build's natives); that
 * wins.
 */
public final class TensorFlowNatives {

  private static volatile boolean done;

  private TensorFlowNatives() {}

  public static synchronized void prepare() {
    if (done) {
      return;
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
    if (System.getenv("TENSORFLOW_LIBRARY_PATH") == null
        && System.getProperty("TENSORFLOW_LIBRARY_PATH") == null) {
      String library =
          org.bytedeco.javacpp.Loader.load(org.tensorflow.internal.c_api.global.tensorflow.class);
      System.setProperty("TENSORFLOW_LIBRARY_PATH", new File(library).getParent());
    }
    done = true;
  }
}
