package org.papermap.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/** The strict gzip decoder: every way a gzip stream can be broken has its own message. */
class GzipDecoderTest {
  static byte[] gzip(String s) throws IOException {
    return CorpusInputTest.gzip(s);
  }

  static String drain(byte[] bytes) throws IOException {
    try (InputStream in = new GzipDecoder(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void givenValidMembersWithHeaderFields_whenRead_thenContentBack() throws IOException {
    byte[] plain = gzip("hello\n");
    // Set FNAME and FCOMMENT and insert both, zero-terminated, after the 10-byte header.
    byte[] fields = "a.txt\0hi\0".getBytes(StandardCharsets.US_ASCII);
    byte[] named = new byte[plain.length + fields.length];
    System.arraycopy(plain, 0, named, 0, 10);
    named[3] = 8 | 16;
    System.arraycopy(fields, 0, named, 10, fields.length);
    System.arraycopy(plain, 10, named, 10 + fields.length, plain.length - 10);

    assertEquals("hello\n", drain(named));
  }

  @Test
  void givenBrokenHeaders_whenRead_thenTheFieldNamed() throws IOException {
    byte[] method = gzip("x");
    method[2] = 7;
    byte[] reserved = gzip("x");
    reserved[3] = (byte) 0x20;
    byte[] shortHeader = Arrays.copyOf(gzip("x"), 6);

    assertEquals(
        "corrupt gzip data: member 1 uses compression method 7, not deflate (8)",
        assertThrows(ZipException.class, () -> drain(method)).getMessage());
    assertEquals(
        "corrupt gzip data: member 1 sets reserved header flags",
        assertThrows(ZipException.class, () -> drain(reserved)).getMessage());
    assertEquals(
        "truncated gzip data: the header of member 1 is incomplete",
        assertThrows(EOFException.class, () -> drain(shortHeader)).getMessage());
  }

  @Test
  void givenBrokenDataOrTrailer_whenRead_thenNamed() throws IOException {
    byte[] ok = gzip("some text to compress, some text to compress\n");
    byte[] noTrailer = Arrays.copyOf(ok, ok.length - 3);
    byte[] badDeflate = ok.clone();
    badDeflate[10] = (byte) 0xFF; // a reserved deflate block type

    assertEquals(
        "truncated gzip data: the trailer of member 1 is incomplete",
        assertThrows(EOFException.class, () -> drain(noTrailer)).getMessage());
    String message = assertThrows(ZipException.class, () -> drain(badDeflate)).getMessage();
    assertEquals(true, message.startsWith("corrupt gzip data: invalid deflate data in member 1 ("), message);
  }
}
