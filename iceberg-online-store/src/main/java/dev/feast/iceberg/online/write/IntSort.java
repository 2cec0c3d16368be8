package dev.feast.iceberg.online.write;

/** Sorts an array of row positions by a comparator of positions, without boxing them. */
final class IntSort {
  /** Compares two row positions. */
  @FunctionalInterface
  interface Comparator {
    int compare(int a, int b);
  }

  private IntSort() {}

  /** A merge sort: stable, O(n log n) whatever the input order. */
  static void sort(int[] values, Comparator comparator) {
    int[] buffer = new int[values.length];
    for (int width = 1; width < values.length; width *= 2) {
      for (int from = 0; from < values.length; from += 2 * width) {
        int middle = Math.min(from + width, values.length);
        int to = Math.min(from + 2 * width, values.length);
        int i = from;
        int j = middle;
        int k = from;
        while (i < middle && j < to) {
          buffer[k++] = comparator.compare(values[j], values[i]) < 0 ? values[j++] : values[i++];
        }
        while (i < middle) {
          buffer[k++] = values[i++];
        }
        while (j < to) {
          buffer[k++] = values[j++];
        }
      }
      System.arraycopy(buffer, 0, values, 0, values.length);
    }
  }
}
