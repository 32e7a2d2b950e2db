package sohoa.cli;

/** Entry point of the {@code sohoa} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(SohoaCommand.commandLine(Environment.system()).execute(args));
  }
}
