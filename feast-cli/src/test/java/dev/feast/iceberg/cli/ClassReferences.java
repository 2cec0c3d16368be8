package dev.feast.iceberg.cli;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes a class file names in its constant pool: every class its code can load, whether or
 * not a given run reaches the code that loads it.
 */
final class ClassReferences {
  private ClassReferences() {}

  /** Internal names ({@code a/b/C}) of the classes {@code classFile} refers to. */
  static Set<String> of(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    int classes = 0;
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[classes++] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // a long or double takes two entries
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int c = 0; c < classes; c++) {
      names.add(elementClass(utf8[classNames[c]]));
    }
    return names;
  }

  /** {@code [[Lx/Y;} is an array of {@code x/Y}. */
  private static String elementClass(String name) {
    String element = name.replaceFirst("^\\[+", "");
    return element.startsWith("L") && element.endsWith(";")
        ? element.substring(1, element.length() - 1)
        : element;
  }
}
