package org.papermap;

import java.nio.file.Path;

/**
 * The child JVM of {@link MapFolderCrashTest}: opens the saved maps A and B, then saves them into one
 * folder, one after the other, forever, printing "saved N" after each save, until it is killed.
 */
public final class MapRebuildChild {
  private MapRebuildChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    PaperMap a = PaperMap.open(Path.of(args[1]));
    PaperMap b = PaperMap.open(Path.of(args[2]));
    for (long n = 1; ; n++) {
      (n % 2 == 1 ? a : b).save(dir);
      System.out.println("saved " + n);
      System.out.flush();
    }
  }
}
