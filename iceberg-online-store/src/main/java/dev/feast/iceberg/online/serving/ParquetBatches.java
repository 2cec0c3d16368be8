package dev.feast.iceberg.online.serving;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads a Parquet data file of an online table into {@link ColumnBatch}es, one per row group, with
 * parquet-java's column readers: each column is decoded straight into a primitive array, with no
 * record, boxed value or timestamp object per row (Iceberg's generic reader makes about sixty
 * objects per row of 50 features, which is most of the time of building a serving state).
 *
 * <p>Handles the files this store writes when every feature is a number or a boolean: columns are
 * matched by Iceberg field id, a column missing from the file (added later) reads as null, and the
 * promotions Iceberg allows (int to long, float to double) are applied. {@link #supports} tells the
 * other cases apart; they are read through Iceberg's generic reader.
 */
final class ParquetBatches {
  /**
   * The configurations of the reader and its decompressors, shared and without Hadoop's default
   * resources: parquet-java's defaults build a Hadoop configuration per opened file, which parses
   * Hadoop's default XML files, and took far more time than decoding the file.
   */
  private static final Configuration CODEC_CONF = new Configuration(false);

  private static final PlainParquetConfiguration READ_CONF = new PlainParquetConfiguration();

  private final Schema schema;
  private final FeatureColumns columns;

  ParquetBatches(Schema schema, FeatureColumns columns) {
    this.schema = schema;
    this.columns = columns;
  }

  /** Whether every feature column of {@code columns} is one this reader decodes. */
  static boolean supports(FeatureColumns columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.kind(i) == FeatureColumns.OBJECT) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads every row of the file, a batch per row group, with data sequence number {@code sequence};
   * returns false, having read nothing, when the file's column types are not the ones this reader
   * decodes (then read it through Iceberg's generic reader).
   */
  boolean read(org.apache.iceberg.io.InputFile file, long sequence, Consumer<ColumnBatch> sink)
      throws IOException {
    PageCodecs codecs = new PageCodecs(new CodecFactory(CODEC_CONF, 0));
    String local = LocalFirstIO.localPath(file.location());
    MappedInputFile mapped = local == null ? null : new MappedInputFile(Path.of(local));
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            mapped != null ? mapped : new ParquetInput(file),
            ParquetReadOptions.builder(READ_CONF).withCodecFactory(codecs).build())) {
      MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
      ColumnDescriptor[] descriptors = descriptors(fileSchema);
      if (descriptors == null) {
        return false;
      }
      boolean[] direct = mapped == null ? null : direct(reader, descriptors);
      if (direct != null) {
        reader.setRequestedSchema(withoutDirect(fileSchema, descriptors, direct));
      }
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      GroupConverter ignored = new Ignored(fileSchema.getFieldCount());
      PageReadStore pages;
      for (int group = 0; (pages = reader.readNextRowGroup()) != null; group++) {
        int rows = Math.toIntExact(pages.getRowCount());
        Map<ColumnPath, ColumnChunkMetaData> chunks = new HashMap<>();
        for (ColumnChunkMetaData chunk : reader.getRowGroups().get(group).getColumns()) {
          chunks.put(chunk.getPath(), chunk);
        }
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, ignored, fileSchema, createdBy);
        ColumnBatch batch = new ColumnBatch(columns, rows, sequence);
        readKeys(store.getColumnReader(descriptors[0]), batch, rows);
        readTimestamps(store.getColumnReader(descriptors[1]), batch, batch.events, rows);
        if (descriptors[2] == null) {
          java.util.Arrays.fill(batch.created, 0, rows, StoredRow.NO_CREATED);
        } else {
          readTimestamps(store.getColumnReader(descriptors[2]), batch, batch.created, rows);
        }
        for (int i = 0; i < columns.size(); i++) {
          ColumnDescriptor descriptor = descriptors[TableRecords.FIRST_FEATURE + i];
          int column = i;
          if (descriptor == null) {
            for (int row = 0; row < rows; row++) {
              batch.setNull(i, row);
            }
          } else if (direct != null && direct[i]) {
            PlainPages.read(
                new MappedPages(mapped.bytes(), chunks.get(ColumnPath.get(descriptor.getPath()))),
                descriptor,
                rows,
                batch.bits[i],
                columns.kind(i) == FeatureColumns.DOUBLE,
                row -> batch.setNull(column, row));
          } else if (PlainPages.decodes(
              chunks.get(ColumnPath.get(descriptor.getPath())), descriptor)) {
            PlainPages.read(
                pages.getPageReader(descriptor),
                descriptor,
                rows,
                batch.bits[i],
                columns.kind(i) == FeatureColumns.DOUBLE,
                row -> batch.setNull(column, row));
          } else {
            readFeature(store.getColumnReader(descriptor), batch, i, rows);
          }
        }
        batch.size(rows);
        sink.accept(batch);
      }
      return true;
    } finally {
      codecs.release();
    }
  }

  /**
   * Per feature, whether its pages are read straight from the mapped file ({@link MappedPages}): a
   * plain-encoded number column, snappy or uncompressed, in every row group.
   */
  private boolean[] direct(ParquetFileReader reader, ColumnDescriptor[] descriptors) {
    boolean[] direct = new boolean[columns.size()];
    for (int i = 0; i < direct.length; i++) {
      ColumnDescriptor descriptor = descriptors[TableRecords.FIRST_FEATURE + i];
      direct[i] = descriptor != null;
      for (BlockMetaData group : reader.getRowGroups()) {
        ColumnChunkMetaData chunk = descriptor == null ? null : chunkOf(group, descriptor);
        direct[i] &=
            chunk != null
                && PlainPages.decodes(chunk, descriptor)
                && (chunk.getCodec() == CompressionCodecName.SNAPPY
                    || chunk.getCodec() == CompressionCodecName.UNCOMPRESSED);
      }
    }
    return direct;
  }

  private static ColumnChunkMetaData chunkOf(BlockMetaData group, ColumnDescriptor descriptor) {
    ColumnPath path = ColumnPath.get(descriptor.getPath());
    for (ColumnChunkMetaData chunk : group.getColumns()) {
      if (chunk.getPath().equals(path)) {
        return chunk;
      }
    }
    return null;
  }

  /** The file's schema without the columns read from the mapped file: Parquet reads the rest. */
  private static MessageType withoutDirect(
      MessageType fileSchema, ColumnDescriptor[] descriptors, boolean[] direct) {
    Set<String> skipped = new HashSet<>();
    for (int i = 0; i < direct.length; i++) {
      if (direct[i]) {
        skipped.add(descriptors[TableRecords.FIRST_FEATURE + i].getPath()[0]);
      }
    }
    List<Type> kept = new ArrayList<>();
    for (Type field : fileSchema.getFields()) {
      if (!skipped.contains(field.getName())) {
        kept.add(field);
      }
    }
    return new MessageType(fileSchema.getName(), kept);
  }

  /**
   * The file's column of each table column, by field id (null where the file has none); null when a
   * column's type is not one this reader decodes.
   */
  private ColumnDescriptor[] descriptors(MessageType fileSchema) {
    Map<Integer, ColumnDescriptor> byId = new HashMap<>();
    for (ColumnDescriptor descriptor : fileSchema.getColumns()) {
      Type field = fileSchema.getType(descriptor.getPath()[0]);
      if (descriptor.getPath().length == 1 && field.getId() != null) {
        byId.put(field.getId().intValue(), descriptor);
      }
    }
    List<Types.NestedField> tableColumns = schema.columns();
    ColumnDescriptor[] descriptors = new ColumnDescriptor[tableColumns.size()];
    for (int i = 0; i < descriptors.length; i++) {
      ColumnDescriptor descriptor = byId.get(tableColumns.get(i).fieldId());
      if (descriptor != null && !decodes(i, descriptor)) {
        return null;
      }
      descriptors[i] = descriptor;
    }
    return descriptors[0] == null || descriptors[1] == null ? null : descriptors;
  }

  private boolean decodes(int tableColumn, ColumnDescriptor descriptor) {
    PrimitiveTypeName physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
    if (tableColumn == 0) {
      return physical == PrimitiveTypeName.BINARY;
    } else if (tableColumn < TableRecords.FIRST_FEATURE) {
      return physical == PrimitiveTypeName.INT64
          && descriptor.getPrimitiveType().getLogicalTypeAnnotation()
              instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
          && timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS;
    }
    byte kind = columns.kind(tableColumn - TableRecords.FIRST_FEATURE);
    return switch (kind) {
      case FeatureColumns.LONG ->
          physical == PrimitiveTypeName.INT64 || physical == PrimitiveTypeName.INT32;
      case FeatureColumns.INT -> physical == PrimitiveTypeName.INT32;
      case FeatureColumns.DOUBLE ->
          physical == PrimitiveTypeName.DOUBLE || physical == PrimitiveTypeName.FLOAT;
      case FeatureColumns.FLOAT -> physical == PrimitiveTypeName.FLOAT;
      case FeatureColumns.BOOLEAN -> physical == PrimitiveTypeName.BOOLEAN;
      default -> false;
    };
  }

  private static void readKeys(ColumnReader reader, ColumnBatch batch, int rows) {
    int defined = reader.getDescriptor().getMaxDefinitionLevel();
    for (int row = 0; row < rows; row++) {
      if (reader.getCurrentDefinitionLevel() == defined) {
        // A copy: the reader's binary may be a view of the whole page.
        batch.keys[row] = reader.getBinary().getBytes();
      }
      reader.consume();
    }
  }

  private static void readTimestamps(
      ColumnReader reader, ColumnBatch batch, long[] into, int rows) {
    int defined = reader.getDescriptor().getMaxDefinitionLevel();
    for (int row = 0; row < rows; row++) {
      if (reader.getCurrentDefinitionLevel() == defined) {
        into[row] = reader.getLong();
      } else if (into == batch.events) {
        // No event time: the row is not served (as a record without one).
        batch.keys[row] = null;
      } else {
        into[row] = StoredRow.NO_CREATED;
      }
      reader.consume();
    }
  }

  private void readFeature(ColumnReader reader, ColumnBatch batch, int column, int rows) {
    int defined = reader.getDescriptor().getMaxDefinitionLevel();
    PrimitiveTypeName physical = reader.getDescriptor().getPrimitiveType().getPrimitiveTypeName();
    byte kind = columns.kind(column);
    long[] into = batch.bits[column];
    for (int row = 0; row < rows; row++) {
      if (reader.getCurrentDefinitionLevel() != defined) {
        batch.setNull(column, row);
      } else {
        into[row] =
            switch (physical) {
              case INT64 -> reader.getLong();
              case INT32 -> reader.getInteger();
              case DOUBLE -> Double.doubleToRawLongBits(reader.getDouble());
              case FLOAT ->
                  kind == FeatureColumns.DOUBLE
                      ? Double.doubleToRawLongBits(reader.getFloat())
                      : Float.floatToRawIntBits(reader.getFloat());
              default -> reader.getBoolean() ? 1 : 0;
            };
      }
      reader.consume();
    }
  }

  /**
   * A converter tree for the file's top-level columns that ignores values: column readers ask for
   * one, but this reader takes values from them directly.
   */
  private static final class Ignored extends GroupConverter {
    private final PrimitiveConverter value = new PrimitiveConverter() {};
    private final int fields;

    Ignored(int fields) {
      this.fields = fields;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      if (fieldIndex >= fields) {
        throw new IndexOutOfBoundsException(fieldIndex);
      }
      return value;
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}
