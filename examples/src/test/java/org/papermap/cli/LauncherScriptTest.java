package org.papermap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/papermap execs the JVM: the JVM keeps the script's process id (so signals reach it), its stderr
 * passes through untouched (a progress bar's carriage returns included) and its exit code is the
 * script's. A stand-in "java" records what it was given, so no build is needed.
 */
class LauncherScriptTest {
  @TempDir Path tmp;

  @Test
  void givenTheLauncher_whenRun_thenTheJvmReplacesItWithStderrAndExitCodeUntouched() throws Exception {
    Path home = tmp.resolve("papermap");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("examples/target"));
    Files.copy(Path.of("..", "bin", "papermap"), home.resolve("bin/papermap"));
    Files.writeString(home.resolve("examples/target/papermap.jar"), "");
    Path jdk = tmp.resolve("jdk");
    Files.createDirectories(jdk.resolve("bin"));
    Path record = tmp.resolve("record.txt");
    Path java = jdk.resolve("bin/java");
    Files.writeString(
        java,
        "#!/usr/bin/env bash\n"
            + "if [ \"$1\" = -XshowSettings:properties ]; then echo '    java.specification.version = 25' >&2; exit 0; fi\n"
            + "echo \"$$ $*\" > '" + record + "'\n"
            + "printf 'WARNING: Using incubator modules: jdk.incubator.vector\\n\\rbar 10%%\\rbar 90%%\\n' >&2\n"
            + "exit 7\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(home.resolve("bin/papermap"), PosixFilePermissions.fromString("rwxr-xr-x"));

    ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/papermap").toString(), "demo", "-i", "a b");
    pb.environment().put("JAVA_HOME", jdk.toString());
    pb.environment().put("PAPERMAP_JAVA_OPTS", "-Xmx3g -Dx=1");
    Process p = pb.redirectError(tmp.resolve("err.txt").toFile()).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));

    assertEquals(7, p.exitValue(), "the JVM's exit code");
    String[] recorded = Files.readString(record, StandardCharsets.UTF_8).strip().split(" ", 2);
    assertEquals(Long.toString(p.pid()), recorded[0], "exec: the JVM runs as the launcher's own process");
    assertEquals(
        "--add-modules jdk.incubator.vector -Xmx3g -Dx=1 -jar " + home.resolve("examples/target/papermap.jar") + " demo -i a b",
        recorded[1]);
    assertEquals(
        "WARNING: Using incubator modules: jdk.incubator.vector\n\rbar 10%\rbar 90%\n",
        Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8),
        "stderr passes through byte for byte");
  }
}
