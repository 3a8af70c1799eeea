package org.papermap.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one header/footer codec: round trip, and every way a file can be wrong, each named. */
class CodecTest {
  private static final FileFormat FORMAT = FileFormat.of("papermap.test", 2);

  @TempDir Path dir;

  private Path write(MapId id) throws IOException {
    Path f = dir.resolve("t.bin");
    Map<String, String> options = new LinkedHashMap<>();
    options.put("k", "3");
    options.put("name", "ünïcode");
    Codec.write(f, FORMAT, id, out -> {
      out.writeMap(options);
      out.writeInt(7);
      out.writeBoolean(true);
      out.align();
      out.writeFloats(new float[] {1.5f, -2f});
      out.writeDoubles(new double[] {Math.PI});
      out.writeString("end");
    });
    return f;
  }

  @Test
  void givenFile_whenWrittenAndOpened_thenSameValuesMapIdAndChecksum() throws IOException {
    MapId id = MapId.random();
    Path f = write(id);
    CodecInput in = Codec.open(f, FORMAT);
    assertEquals(2, in.version());
    assertEquals(id, in.mapId());
    assertEquals(Files.size(f), in.length());
    assertEquals(Map.of("k", "3", "name", "ünïcode"), in.readMap());
    assertEquals(7, in.readInt("seven", 7, 7));
    assertTrue(in.readBoolean());
    in.align();
    assertEquals(0, in.position() % CodecOutput.ALIGNMENT);
    assertArrayEquals(new float[] {1.5f, -2f}, in.readFloats(2));
    assertArrayEquals(new double[] {Math.PI}, in.readDoubles(1));
    assertEquals("end", in.readString(10));
    in.expectEnd();
    CRC32 crc = new CRC32();
    byte[] b = Files.readAllBytes(f);
    crc.update(b, 0, b.length - 8);
    assertEquals(crc.getValue(), in.checksum());
    assertEquals(MapId.NONE, Codec.open(write(MapId.NONE), FORMAT).mapId());
  }

  @Test
  void givenEverySingleFlippedByte_whenOpened_thenCorruptFileExceptionNamingTheFile() throws IOException {
    Path f = write(MapId.random());
    byte[] good = Files.readAllBytes(f);
    for (int pos = 0; pos < good.length; pos++) {
      byte[] b = good.clone();
      b[pos] ^= (byte) (1 << (pos % 8));
      Files.write(f, b);
      CorruptFileException e = assertThrows(CorruptFileException.class, () -> Codec.open(f, FORMAT), "byte " + pos);
      assertEquals(f, e.file());
      assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
    }
  }

  /** Rewrites a field and fixes the CRC, as a writer of another version would. */
  private static void patchVersion(Path f, int version) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(5 + FORMAT.name().length(), version);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, b.capacity() - 8);
    b.putLong(b.capacity() - 8, crc.getValue());
    Files.write(f, b.array());
  }

  @Test
  void givenOtherVersions_whenOpened_thenTypedExceptionsWithTheRange() throws IOException {
    Path f = write(MapId.NONE);
    FileFormat from2 = new FileFormat("papermap.test", 2, 3, null);
    patchVersion(f, 1);
    FormatTooOldException old = assertThrows(FormatTooOldException.class, () -> Codec.open(f, from2));
    assertEquals(
        f + ": format 'papermap.test' version 1 is too old (this build reads versions 2 to 3); rebuild it with"
            + " this version of PaperMap",
        old.getMessage());
    assertEquals(1, old.version());
    assertEquals(2, old.minVersion());
    patchVersion(f, 9);
    FormatTooNewException young = assertThrows(FormatTooNewException.class, () -> Codec.open(f, FORMAT));
    assertEquals(9, young.version());
    assertEquals(2, young.maxVersion());
  }

  @Test
  void givenNotARegularFile_whenOpened_thenNamedWithoutOpeningIt() throws Exception {
    assertEquals(
        dir + ": is a folder, not a regular file",
        assertThrows(CorruptFileException.class, () -> Codec.open(dir, FORMAT)).getMessage());
    Path zero = dir.resolve("zero");
    Files.createSymbolicLink(zero, Path.of("/dev/zero"));
    assertEquals(
        zero + ": is a character device, not a regular file",
        assertThrows(CorruptFileException.class, () -> Codec.open(zero, FORMAT)).getMessage());
    Path missing = dir.resolve("missing");
    assertEquals(missing + ": no such file", assertThrows(NoSuchFileException.class, () -> Codec.open(missing, FORMAT)).getMessage());
    Path fifo = dir.resolve("fifo");
    Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
    CorruptFileException e =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(CorruptFileException.class, () -> Codec.open(fifo, FORMAT)));
    assertEquals(fifo + ": is a FIFO (named pipe), not a regular file", e.getMessage());
  }

  @Test
  void givenReadsPastTheBody_whenRead_thenCorruptFileExceptionWithOffset() throws IOException {
    Path f = write(MapId.NONE);
    CodecInput in = Codec.open(f, FORMAT);
    in.readMap();
    CorruptFileException range = assertThrows(CorruptFileException.class, () -> in.readInt("k", 0, 6));
    assertTrue(range.getMessage().contains("k must be in [0, 6], got 7"), range.getMessage());
    assertTrue(range.offset() > 0);
    CodecInput again = Codec.open(f, FORMAT);
    CorruptFileException past = assertThrows(CorruptFileException.class, () -> again.readFloats(1_000_000));
    assertTrue(past.getMessage().contains("truncated body: need 4000000 bytes"), past.getMessage());
  }

  @Test
  void givenBadArguments_whenDeclaringFormatsOrIds_thenMessagesNameTheRule() {
    assertEquals(
        "name length must be in [1, 127], got 0",
        assertThrows(IllegalArgumentException.class, () -> FileFormat.of("", 1)).getMessage());
    assertEquals(
        "name must be printable ASCII: 'tab\t'",
        assertThrows(IllegalArgumentException.class, () -> FileFormat.of("tab\t", 1)).getMessage());
    assertEquals(
        "versions must satisfy 1 <= minVersion <= currentVersion, got 2 and 1",
        assertThrows(IllegalArgumentException.class, () -> new FileFormat("x", 2, 1, null)).getMessage());
    assertEquals(
        "map id must be 32 hexadecimal digits, got 'xyz'",
        assertThrows(IllegalArgumentException.class, () -> MapId.parse("xyz")).getMessage());
    MapId id = MapId.random();
    assertEquals(id, MapId.parse(id.toString()));
  }
}
