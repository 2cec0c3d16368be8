package dev.feast.iceberg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The records of a {@link CsvReader} after its header, parsed on a thread of their own in blocks,
 * so that splitting the text into fields overlaps the conversion of the previous block's values on
 * the caller's thread: on two cores a large file is read in about the time of the slower half
 * rather than of both. Records come in file order; a parse error (an unclosed quote) reaches the
 * caller when it takes the block it belongs to, as it would have without the thread.
 */
final class CsvBlocks implements AutoCloseable {
  private static final int BLOCK = 4_096;
  // Enough blocks ahead to ride out a pause of either side, few enough to bound the memory.
  private static final int AHEAD = 8;

  /** One block of records; the last one is empty, or carries the parser's failure. */
  private record Block(List<CsvReader.Record> records, Throwable failure) {}

  private final BlockingQueue<Block> queue = new ArrayBlockingQueue<>(AHEAD);
  private final Thread parser;
  private List<CsvReader.Record> current = List.of();
  private int position;
  private boolean done;

  CsvBlocks(CsvReader reader) {
    parser = new Thread(() -> parse(reader), "csv-parser");
    parser.setDaemon(true);
    parser.start();
  }

  private void parse(CsvReader reader) {
    Throwable failure = null;
    List<CsvReader.Record> block = new ArrayList<>(BLOCK);
    try {
      try {
        for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
          block.add(record);
          if (block.size() == BLOCK) {
            queue.put(new Block(block, null));
            block = new ArrayList<>(BLOCK);
          }
        }
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
      } catch (RuntimeException | Error e) {
        // An Error too (out of memory): the caller must hear of it, not wait for a block forever.
        failure = e;
      }
      // The records before a failure first, so the caller meets it where the reader alone would.
      if (!block.isEmpty()) {
        queue.put(new Block(block, null));
      }
      queue.put(new Block(List.of(), failure));
    } catch (InterruptedException e) {
      // The caller closed early: nobody waits for the rest.
    }
  }

  /** The next record, or null after the last. */
  CsvReader.Record next() {
    while (position == current.size()) {
      if (done) {
        return null;
      }
      Block block;
      try {
        block = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("Interrupted while reading a CSV file");
      }
      if (block.failure() instanceof RuntimeException e) {
        throw e;
      } else if (block.failure() instanceof Error e) {
        throw e;
      }
      done = block.records().isEmpty();
      current = block.records();
      position = 0;
    }
    return current.get(position++);
  }

  /** Stops the parser if the caller leaves before the end (an error in a row). */
  @Override
  public void close() {
    parser.interrupt();
    try {
      parser.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
