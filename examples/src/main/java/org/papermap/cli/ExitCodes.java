package org.papermap.cli;

import picocli.CommandLine.Command;

/** The exit codes, listed in the help of every command (a mixin, so that each command shows them). */
@Command(
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:done",
      " 2:bad input or usage, an output that cannot be written, or too little memory (one line on stderr)",
      " 1:a bug in papermap (its stack trace follows on stderr; please report it)"
    })
final class ExitCodes {}
