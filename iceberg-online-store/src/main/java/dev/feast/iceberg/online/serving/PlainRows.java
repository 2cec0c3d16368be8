package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the rows of some keys from one Parquet data file of the layout online tables are written
 * with (flat columns, plain values, pages of every column starting at the same rows), straight from
 * the file's bytes: per row group that may hold a key, the key column's pages whose bounds hold
 * one; per page holding a key, only the matched rows of the other columns. Iceberg's reader would
 * decode every row of those pages in every column into records, and parquet-java re-read every
 * column's page index per call; a lookup wants one row. Values come out as the in-memory state
 * holds them ({@link TableRecords#fromRecord} of the same row), which {@code PlainRowsTest} checks.
 * A file of another layout gets no {@link Layout} and is read by {@link PageRows}.
 */
final class PlainRows {
  private static final int KEY = 0;
  private static final int EVENT = 1;
  private static final int CREATED = 2;

  /** How a column's values are decoded. */
  enum Decode {
    LONG,
    INT,
    DOUBLE,
    FLOAT,
    BOOLEAN,
    STRING,
    BINARY,
    TIMESTAMP
  }

  /** One column of the table's schema in a file: its chunk in each row group and its decoding. */
  record Column(int chunk, Decode decode, int maxDefinition, String name) {}

  /** The table schema's columns (key, event, created, features) in one file. */
  record Layout(Column[] columns) {}

  private PlainRows() {}

  /**
   * The layout of a file for the table's {@code schema} and its feature {@code columns}, or null
   * when this reader cannot read it: a column missing or of another type (an evolved schema),
   * nested, not plain-encoded, a row group without aligned pages or a key page index.
   */
  static Layout layout(PagedFile file, Schema schema, FeatureColumns columns) {
    List<Types.NestedField> fields = schema.columns();
    if (fields.size() != TableRecords.FIRST_FEATURE + columns.size()
        || !fields.get(KEY).name().equals(FeatureColumns.ENTITY_KEY)
        || !fields.get(EVENT).name().equals(FeatureColumns.EVENT_TS)
        || !fields.get(CREATED).name().equals(FeatureColumns.CREATED_TS)) {
      return null;
    }
    List<ColumnDescriptor> descriptors = file.footer().getFileMetaData().getSchema().getColumns();
    Map<Integer, Integer> chunkOf = new HashMap<>();
    for (int c = 0; c < descriptors.size(); c++) {
      ColumnDescriptor descriptor = descriptors.get(c);
      PrimitiveType.ID id = descriptor.getPrimitiveType().getId();
      if (id != null && descriptor.getPath().length == 1) {
        chunkOf.put(id.intValue(), c);
      }
    }
    Column[] layout = new Column[fields.size()];
    for (int i = 0; i < layout.length; i++) {
      Types.NestedField field = fields.get(i);
      Integer chunk = chunkOf.get(field.fieldId());
      if (chunk == null) {
        return null;
      }
      ColumnDescriptor descriptor = descriptors.get(chunk);
      Decode decode = decode(field.type(), descriptor.getPrimitiveType());
      if (decode == null
          || descriptor.getMaxRepetitionLevel() != 0
          || i == KEY && decode != Decode.BINARY
          || (i == EVENT || i == CREATED) && decode != Decode.TIMESTAMP) {
        return null;
      }
      layout[i] = new Column(chunk, decode, descriptor.getMaxDefinitionLevel(), field.name());
    }
    for (PagedFile.Group group : file.groups()) {
      if (group.rows() == 0) {
        continue;
      }
      if (!group.aligned() || group.keyPages() == null) {
        return null;
      }
      BlockMetaData block = file.footer().getBlocks().get(group.index());
      for (Column column : layout) {
        ColumnChunkMetaData chunk = block.getColumns().get(column.chunk());
        if (!PlainPages.HANDLED.containsAll(chunk.getEncodings())
            || !Arrays.equals(
                chunk.getPath().toArray(), descriptors.get(column.chunk()).getPath())) {
          return null;
        }
      }
    }
    return new Layout(layout);
  }

  /**
   * Passes the row of every one of {@code wanted} in the file ({@code bytes}, described by {@code
   * paged}) to {@code rows} with a private copy of its key, in the file's order (so a later row of
   * the same key replaces an earlier one as in memory); rows without an event time are left out.
   */
  static void read(
      ByteBuffer bytes,
      PagedFile paged,
      Layout layout,
      FeatureColumns columns,
      Set<ByteBuffer> wanted,
      long sequence,
      BiConsumer<ByteBuffer, StoredRow> rows)
      throws IOException {
    List<ByteBuffer> keys = new ArrayList<>(wanted);
    for (PagedFile.Group group : paged.groups()) {
      if (group.rows() == 0) {
        continue;
      }
      List<ByteBuffer> held = new ArrayList<>();
      for (ByteBuffer key : keys) {
        if (group.mayHold(key)) {
          held.add(key);
        }
      }
      if (held.isEmpty()) {
        continue;
      }
      BlockMetaData block = paged.footer().getBlocks().get(group.index());
      for (int page : group.pagesHolding(held)) {
        new PageRead(bytes, block, group, page, layout, columns).read(wanted, sequence, rows);
      }
    }
  }

  /** The read of the matched rows of one page (the same page in every column). */
  private record PageRead(
      ByteBuffer bytes,
      BlockMetaData block,
      PagedFile.Group group,
      int page,
      Layout layout,
      FeatureColumns columns) {

    void read(Set<ByteBuffer> wanted, long sequence, BiConsumer<ByteBuffer, StoredRow> rows)
        throws IOException {
      PlainPage keyPage = page(layout.columns()[KEY]);
      int count = keyPage.count();
      int[] all = new int[count];
      for (int r = 0; r < count; r++) {
        all[r] = r;
      }
      int[] keyPositions = keyPage.positions(all, count);
      int[] matched = new int[count];
      List<ByteBuffer> matchedKeys = new ArrayList<>();
      int n = 0;
      for (int r = 0; r < count; r++) {
        if (keyPositions[r] >= 0) {
          ByteBuffer key = keyPage.bytes(keyPositions[r]);
          if (wanted.contains(key)) {
            matched[n++] = r;
            matchedKeys.add(key);
          }
        }
      }
      if (n == 0) {
        return;
      }
      long[] events = timestamps(layout.columns()[EVENT], matched, n);
      long[] created = timestamps(layout.columns()[CREATED], matched, n);
      int width = columns.size();
      long[][] bits = new long[n][];
      Object[][] objects = new Object[n][];
      long[][] nulls = new long[n][];
      for (int i = 0; i < n; i++) {
        bits[i] = columns.hasPrimitives() ? new long[width] : null;
        objects[i] = columns.hasObjects() ? new Object[width] : null;
      }
      for (int f = 0; f < width; f++) {
        Column column = layout.columns()[TableRecords.FIRST_FEATURE + f];
        PlainPage values = page(column);
        int[] positions = values.positions(matched, n);
        for (int i = 0; i < n; i++) {
          int position = positions[i];
          if (position < 0) {
            nulls[i] = nulls[i] == null ? new long[(width + 63) / 64] : nulls[i];
            nulls[i][f >>> 6] |= 1L << f;
          } else if (columns.kind(f) == FeatureColumns.OBJECT) {
            objects[i][f] = object(column.decode(), values, position);
          } else {
            bits[i][f] = bits(column.decode(), values, position);
          }
        }
      }
      for (int i = 0; i < n; i++) {
        if (events[i] != StoredRow.NO_CREATED) {
          rows.accept(
              copy(matchedKeys.get(i)),
              new StoredRow(
                  columns, events[i], created[i], bits[i], objects[i], nulls[i], sequence));
        }
      }
    }

    private PlainPage page(Column column) throws IOException {
      ColumnChunkMetaData chunk = block.getColumns().get(column.chunk());
      return PlainPage.read(
          bytes,
          group.columnPages()[column.chunk()].getOffset(page),
          chunk.getCodec(),
          column.maxDefinition(),
          column.name());
    }

    /**
     * The timestamps of the matched rows in microseconds, {@link StoredRow#NO_CREATED} for a null
     * (an event time that early is not one a row can have: it sorts below every created time).
     */
    private long[] timestamps(Column column, int[] matched, int n) throws IOException {
      PlainPage values = page(column);
      int[] positions = values.positions(matched, n);
      long[] micros = new long[n];
      for (int i = 0; i < n; i++) {
        micros[i] = positions[i] < 0 ? StoredRow.NO_CREATED : values.wide(positions[i]);
      }
      return micros;
    }
  }

  /** A number's or boolean's raw bits, as {@link StoredRow#toBits} keeps them. */
  private static long bits(Decode decode, PlainPage values, int position) {
    return switch (decode) {
      case LONG, DOUBLE -> values.wide(position);
      case INT, FLOAT -> values.narrow(position);
      case BOOLEAN -> values.bool(position) ? 1 : 0;
      default -> throw new IllegalStateException(decode + " is not held as bits");
    };
  }

  /** A value held as an object, as {@link TableRecords#fromRecord} makes it. */
  private static Object object(Decode decode, PlainPage values, int position) {
    return switch (decode) {
      case STRING -> StandardCharsets.UTF_8.decode(values.bytes(position)).toString();
      case BINARY -> copy(values.bytes(position));
      case TIMESTAMP -> StoredRow.instant(values.wide(position));
      default -> throw new IllegalStateException(decode + " is held as bits");
    };
  }

  private static ByteBuffer copy(ByteBuffer view) {
    byte[] bytes = new byte[view.remaining()];
    view.duplicate().get(bytes);
    return ByteBuffer.wrap(bytes);
  }

  /**
   * How a column of Iceberg type {@code type} stored as {@code stored} is decoded, or null when it
   * is not stored as Iceberg writes that type (a promoted or nested column).
   */
  private static Decode decode(Type type, PrimitiveType stored) {
    PrimitiveTypeName name = stored.getPrimitiveTypeName();
    LogicalTypeAnnotation annotation = stored.getLogicalTypeAnnotation();
    return switch (type.typeId()) {
      case LONG ->
          name == PrimitiveTypeName.INT64 && signedInt(annotation, 64) ? Decode.LONG : null;
      case INTEGER ->
          name == PrimitiveTypeName.INT32 && signedInt(annotation, 32) ? Decode.INT : null;
      case DOUBLE -> name == PrimitiveTypeName.DOUBLE ? Decode.DOUBLE : null;
      case FLOAT -> name == PrimitiveTypeName.FLOAT ? Decode.FLOAT : null;
      case BOOLEAN -> name == PrimitiveTypeName.BOOLEAN ? Decode.BOOLEAN : null;
      case STRING -> name == PrimitiveTypeName.BINARY ? Decode.STRING : null;
      case BINARY -> name == PrimitiveTypeName.BINARY ? Decode.BINARY : null;
      case TIMESTAMP ->
          name == PrimitiveTypeName.INT64
                  && annotation
                      instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
                  && timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS
              ? Decode.TIMESTAMP
              : null;
      default -> null;
    };
  }

  private static boolean signedInt(LogicalTypeAnnotation annotation, int bits) {
    return annotation == null
        || annotation instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation integer
            && integer.getBitWidth() == bits
            && integer.isSigned();
  }
}
