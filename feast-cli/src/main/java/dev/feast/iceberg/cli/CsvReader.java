package dev.feast.iceberg.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) record by record, knowing the line each record starts on, so errors can name
 * it: fields separated by the delimiter, double-quoted fields may hold delimiters, line breaks and
 * doubled quotes; lines end in LF, CRLF or CR; blank lines are skipped; a UTF-8 byte order mark is
 * ignored. An unquoted empty field is a missing value ({@code null}), a quoted one ({@code ""}) the
 * empty string.
 */
final class CsvReader implements AutoCloseable {
  /** Delimiters a header line may use, most usual first. */
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  /** One record and the line it starts on (the file's first line is 1). */
  record Record(long line, List<String> fields) {}

  private final Reader in;
  private final String file;
  private final char[] buffer = new char[1 << 16];
  private int length;
  private int position;
  private long line = 1;
  private char delimiter;
  private final StringBuilder field = new StringBuilder();

  private CsvReader(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /** A reader of the file; {@code name} is how messages name it. */
  static CsvReader open(Path path, String name) throws IOException {
    return new CsvReader(
        new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), name);
  }

  /**
   * The header: the first record, whose delimiter (comma, or the semicolon, tab or pipe it uses
   * more) every later record uses. Null for a file with nothing but blank lines.
   */
  Record header() throws IOException {
    fill();
    if (length > 0 && buffer[0] == '\uFEFF') {
      position = 1;
    }
    delimiter = sniff();
    return next();
  }

  /** The next record, or null at the end of the file. */
  Record next() throws IOException {
    while (true) {
      long start = line;
      List<String> fields = new ArrayList<>();
      int c = peek();
      if (c < 0) {
        return null;
      }
      boolean end = false;
      while (!end) {
        end = readField(fields, start);
      }
      if (fields.size() == 1 && fields.get(0) == null) {
        continue; // a blank line
      }
      return new Record(start, fields);
    }
  }

  /** Reads one field into {@code fields}; true when it ended its record. */
  private boolean readField(List<String> fields, long start) throws IOException {
    field.setLength(0);
    int c = read();
    if (c == '"') {
      long opened = line;
      while (true) {
        c = read();
        if (c < 0) {
          throw new CliException(
              file
                  + " line "
                  + opened
                  + ": a quoted field is never closed; end it with a double quote (write a"
                  + " quote inside a field as \"\")");
        } else if (c == '"') {
          if (peek() == '"') {
            read();
            field.append('"');
          } else {
            break;
          }
        } else {
          field.append((char) c);
          if (c == '\n' || c == '\r' && peek() != '\n') {
            line++;
          }
        }
      }
      fields.add(field.toString());
      c = read();
      if (c != delimiter && c != '\n' && c != '\r' && c >= 0) {
        throw new CliException(
            file
                + " line "
                + line
                + ": field "
                + fields.size()
                + " has text after its closing quote; quote the whole field");
      }
    } else {
      while (c >= 0 && c != delimiter && c != '\n' && c != '\r') {
        field.append((char) c);
        c = read();
      }
      fields.add(field.length() == 0 ? null : field.toString());
    }
    if (c == '\r' && peek() == '\n') {
      read();
    }
    if (c == '\n' || c == '\r') {
      line++;
      return true;
    }
    return c < 0;
  }

  /** The delimiter the first line uses most, outside quotes; a comma when it uses none. */
  private char sniff() {
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = position; i < length && (quoted || buffer[i] != '\n' && buffer[i] != '\r'); i++) {
      if (buffer[i] == '"') {
        quoted = !quoted;
      }
      for (int d = 0; d < DELIMITERS.length && !quoted; d++) {
        if (buffer[i] == DELIMITERS[d]) {
          counts[d]++;
        }
      }
    }
    int best = 0;
    for (int d = 1; d < DELIMITERS.length; d++) {
      if (counts[d] > counts[best]) {
        best = d;
      }
    }
    return DELIMITERS[best];
  }

  private int read() throws IOException {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  private int peek() throws IOException {
    if (position == length && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      return false;
    }
    length = n;
    position = 0;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
