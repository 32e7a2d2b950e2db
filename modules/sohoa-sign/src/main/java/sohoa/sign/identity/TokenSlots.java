package sohoa.sign.identity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sohoa.core.error.ConfigurationError;

/**
 * Finds the slot that holds the token with a given label, as {@code pkcs11-tool --token-label}
 * does. SunPKCS11 takes only a slot id or a position in the slot list, and both change when
 * tokens are plugged in another order; the label is what the officer's token says on it.
 *
 * <p>The JDK keeps its PKCS#11 binding ({@code sun.security.pkcs11.wrapper}) to itself; this
 * reaches it by reflection, which needs {@code --add-exports
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} on the JVM (scripts/sohoa gives
 * it). It loads the module the way SunPKCS11 then reuses: one initialisation, with OS locking.
 */
final class TokenSlots {
  private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
  /** CKF_OS_LOCKING_OK: the module may be called from several threads, as SunPKCS11 does. */
  private static final long OS_LOCKING_OK = 0x2;

  private TokenSlots() {}

  /** The slot id of the token labelled {@code label} in {@code library}. */
  static long withLabel(Path library, String label) throws ConfigurationError {
    List<String> seen = new ArrayList<>();
    try {
      Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
      Class<?> initArgsType = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
      Object initArgs = initArgsType.getConstructor().newInstance();
      initArgsType.getField("flags").setLong(initArgs, OS_LOCKING_OK);
      Object module = pkcs11.getMethod("getInstance", String.class, String.class, initArgsType,
          boolean.class).invoke(null, library.toAbsolutePath().toString(), "C_GetFunctionList",
          initArgs, false);
      long[] slots = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class)
          .invoke(module, true);
      Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
      for (long slot : slots) {
        Object info = tokenInfo.invoke(module, slot);
        // The label is blank-padded to 32 characters, as PKCS#11 has it.
        String found = new String((char[]) info.getClass().getField("label").get(info)).strip();
        if (found.equals(label)) {
          return slot;
        }
        seen.add(found);
      }
    } catch (IllegalAccessException e) {
      throw new ConfigurationError("this Java cannot look tokens up by label",
          "run Java with --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper="
              + "ALL-UNNAMED (scripts/sohoa does), or choose the token with --slot N", e);
    } catch (InvocationTargetException e) {
      throw new ConfigurationError("the PKCS#11 module " + library + " cannot list its tokens: "
          + e.getCause().getMessage(), "check the module path and that the token is plugged in",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ConfigurationError("this Java has no PKCS#11 support (" + e.getMessage() + ")",
          "use an OpenJDK 17 or later with the jdk.crypto.cryptoki module", e);
    }
    throw new ConfigurationError("no token labelled '" + label + "' in " + library,
        seen.isEmpty() ? "plug the token in" : "the tokens present are labelled " + seen);
  }
}
