package dev.feast.iceberg.online.serving;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local Parquet file read through a memory mapping. Why: Parquet decodes its page indexes and
 * footers (Thrift) a byte at a time, which on a plain file stream is a system call per byte; on a
 * mapping it is a memory read, and the pages come from the OS cache without a copy per call.
 */
final class MappedInputFile implements InputFile {
  private final Path path;
  private final MappedByteBuffer mapped;

  MappedInputFile(Path path) throws IOException {
    this.path = path;
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      this.mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    }
  }

  @Override
  public long getLength() {
    return mapped.capacity();
  }

  /** The file's bytes, positioned at its start: a view of the mapping. */
  ByteBuffer bytes() {
    return mapped.duplicate();
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream(mapped.duplicate());
  }

  @Override
  public String toString() {
    return path.toString();
  }

  /** A stream over the mapping; each has its own position. */
  private static final class Stream extends SeekableInputStream {
    private final ByteBuffer buffer;

    Stream(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public long getPos() {
      return buffer.position();
    }

    @Override
    public void seek(long position) throws IOException {
      if (position < 0 || position > buffer.limit()) {
        throw new EOFException("Position " + position + " is outside the file");
      }
      buffer.position((int) position);
    }

    @Override
    public int read() {
      return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!buffer.hasRemaining()) {
        return -1;
      }
      int count = Math.min(length, buffer.remaining());
      buffer.get(bytes, offset, count);
      return count;
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
      if (buffer.remaining() < length) {
        throw new EOFException("Reached the end of the file with " + length + " bytes to read");
      }
      buffer.get(bytes, offset, length);
    }

    @Override
    public int read(ByteBuffer target) {
      if (!buffer.hasRemaining()) {
        return target.hasRemaining() ? -1 : 0;
      }
      int count = Math.min(target.remaining(), buffer.remaining());
      ByteBuffer slice = buffer.slice();
      slice.limit(count);
      target.put(slice);
      buffer.position(buffer.position() + count);
      return count;
    }

    @Override
    public void readFully(ByteBuffer target) throws IOException {
      if (buffer.remaining() < target.remaining()) {
        throw new EOFException(
            "Reached the end of the file with " + target.remaining() + " bytes to read");
      }
      read(target);
    }
  }
}
