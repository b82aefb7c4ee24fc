package dev.attentive.reviewer.analysis.testgen;

import java.security.AccessController;

/**
 * The sandboxed JVM's SecurityManager: the default one, plus a check on exiting. Java grants {@code
 * exitVM} to all code loaded from the class path whatever the policy says, so code under test could
 * otherwise end the run with {@code System.exit} (and fake a clean result); here exiting also needs
 * {@code attentive.exitVM}, which only the trusted runner has (AllPermission).
 */
@SuppressWarnings("removal")
public final class SandboxSecurityManager extends SecurityManager {

  @Override
  public void checkExit(int status) {
    super.checkExit(status);
    AccessController.checkPermission(new RuntimePermission("attentive.exitVM"));
  }
}
