package org.papermap.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code papermap} command line. */
@Command(
    name = "papermap",
    mixinStandardHelpOptions = true,
    versionProvider = PaperMapCli.Version.class,
    description = "Related papers and labelled topics for a corpus of paper abstracts.")
public final class PaperMapCli implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new PaperMapCli()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PaperMapCli.class.getPackage().getImplementationVersion();
      return new String[] {"papermap " + (v == null ? "dev" : v)};
    }
  }
}
