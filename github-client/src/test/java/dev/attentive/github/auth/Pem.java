package dev.attentive.github.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Test keys written as PEM the way GitHub (PKCS#1) and openssl pkcs8 (PKCS#8) write them. */
final class Pem {

  private Pem() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pkcs8(KeyPair keys) {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  static String pkcs1(KeyPair keys) {
    return pem("RSA PRIVATE KEY", pkcs1Der(keys.getPrivate().getEncoded()));
  }

  /**
   * The RSAPrivateKey inside PrivateKeyInfo: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET
   * STRING {here} }.
   */
  static byte[] pkcs1Der(byte[] pkcs8) {
    int[] pos = {0};
    expect(pkcs8, pos, 0x30);
    length(pkcs8, pos);
    expect(pkcs8, pos, 0x02);
    skip(pkcs8, pos);
    expect(pkcs8, pos, 0x30);
    skip(pkcs8, pos);
    expect(pkcs8, pos, 0x04);
    int len = length(pkcs8, pos);
    return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + len);
  }

  private static void skip(byte[] der, int[] pos) {
    int len = length(der, pos);
    pos[0] += len;
  }

  private static void expect(byte[] der, int[] pos, int tag) {
    if ((der[pos[0]] & 0xff) != tag) {
      throw new IllegalStateException("tag " + der[pos[0]] + " at " + pos[0]);
    }
    pos[0]++;
  }

  private static int length(byte[] der, int[] pos) {
    int first = der[pos[0]++] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int len = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      len = (len << 8) | (der[pos[0]++] & 0xff);
    }
    return len;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
