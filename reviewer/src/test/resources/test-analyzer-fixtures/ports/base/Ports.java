package com.acme.net;

/** Small helpers for network settings. */
public final class Ports {

  /** The first port that needs no privileges. */
  public static final int FIRST_UNPRIVILEGED = 1024;

  private Ports() {}

  /** Whether {@code port} is a usable TCP port number. */
  public static boolean isValidPort(int port) {
    return port > 0 && port < 65535;
  }

  /** Whether a server may bind {@code port} without privileges. */
  public static boolean isUnprivileged(int port) {
    return isValidPort(port) && port >= FIRST_UNPRIVILEGED;
  }

  /** {@code value} limited to {@code min..max}. */
  public static int clamp(int value, int min, int max) {
    if (value < min) {
      return min;
    }
    if (value > max) {
      return max;
    }
    return value;
  }
}
