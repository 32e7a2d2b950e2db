/**
 * The officer console (giao diện cán bộ): server-rendered Vietnamese pages under {@code /console}
 * for the one-stop counter. Officers log in (bcrypt passwords, lockout, sessions in the catalog,
 * CSRF tokens on every form); search; read a document's pages beside its text and fields and
 * correct them as new versions; upload a scan and watch it digitised; issue a certified copy
 * signed with their own key, unlocked by their PIN; print the citizen's receipt with its QR code;
 * and read or export the register. {@link sohoa.console.OfficerConsole} mounts it on the server.
 */
package sohoa.console;
