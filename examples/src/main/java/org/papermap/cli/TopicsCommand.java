package org.papermap.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import org.papermap.topic.TopicModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papermap topics}: labelled topics of a corpus or a saved map, as JSON, with a summary. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap topics (-i FILE... [READING] [MAP] | --map DIR) -o FILE",
      "                       [--assignments FILE] [--algorithm A] [--topics N|auto]",
      "                       [--outliers S] [--outlier-threshold T] [--seed N] [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      "MAP:      --representation R, --index I, --lsa-dims D, WEIGHTS, ANALYSIS,",
      "          --threads N",
      "WEIGHTS:  --hybrid-weight A, --smoothing K, --feedback N, --term-boost G",
      ""
    },
    sortOptions = false,
    description = "Group the papers into labelled topics: topics.json (-o), one line per paper"
        + " (--assignments), and a summary on standard output.")
final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  TopicsCommand(CliSession cli) {
    this.cli = cli;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  MapSource source;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "topics.json: topics (id, label, keywords, size, representatives), hierarchy, outliers; - for standard output.")
  String output;

  @Option(
      names = "--assignments",
      paramLabel = "FILE",
      description = "JSON Lines, one paper a line: {\"id\", \"topic\", \"confidence\"}, topic -1 for an outlier.")
  String assignments;

  @Mixin TopicFlags topicFlags;

  @Mixin InputOptions read;

  @Mixin MapOptions build;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    if (assignments != null && !assignments.equals("-") && Path.of(assignments).equals(Path.of(output))) {
      throw new ParameterException(spec.commandLine(), "--assignments and -o must be different files, got " + output + " twice");
    }
    if ("-".equals(assignments) && "-".equals(output)) {
      throw new ParameterException(spec.commandLine(), "only one of -o and --assignments can be standard output (-)");
    }
    ProgressRenderer progress = quiet.renderer(spec.commandLine().getErr(), cli);
    try (CliOutput topicsOut = CliOutput.open("-o", output, cli.stdout(), spec.commandLine());
        CliOutput assignmentsOut =
            assignments == null ? null : CliOutput.open("--assignments", assignments, cli.stdout(), spec.commandLine())) {
      PaperMap m = TopicMaps.load(spec.commandLine(), cli, source, read, build, topicFlags, progress, false);
      TopicModel model = m.topics();
      cli.step("writing topics");
      TopicsJson.writeTopics(model, m.corpus(), topicsOut.stream());
      if (assignmentsOut != null) {
        TopicsJson.writeAssignments(model, m.corpus(), assignmentsOut.stream());
        assignmentsOut.commit();
      }
      topicsOut.commit();
      if (!"-".equals(output) && !"-".equals(assignments)) {
        TopicsJson.summary(model, new PrintWriter(new OutputStreamWriter(CliOutput.stdoutWithErrors(cli.stdout()), StandardCharsets.UTF_8)));
      }
    }
    return 0;
  }
}
