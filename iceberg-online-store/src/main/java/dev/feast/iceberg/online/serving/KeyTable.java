package dev.feast.iceberg.online.serving;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entity keys of a {@link RowIndex}, each mapped to a row slot: an open-addressing hash table
 * (linear probing) of slot numbers, over keys kept back to back in large byte chunks. No object per
 * key: a million keys are a few arrays, which keeps both the heap and garbage collection small. Per
 * slot it holds the key's address and hash; slots freed by {@link #remove} are reused, and the
 * chunks are rewritten without the removed keys' bytes once those are more than half of them, so
 * that a view whose keys come and go (ttl eviction) holds about its live keys' bytes.
 *
 * <p>Not thread-safe: the index guards it with its lock.
 */
final class KeyTable {
  private static final int CHUNK_BYTES = 1 << 20;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final int PAGE_SHIFT = RowIndex.PAGE_SHIFT;
  private static final int PAGE_ROWS = 1 << PAGE_SHIFT;

  private final List<byte[]> chunks = new ArrayList<>();
  private byte[] chunk;
  private int chunkUsed;
  private long chunkBytes;

  /** Bytes in the chunks of keys since removed. */
  private long deadBytes;

  /** Per slot: chunk index in the high 32 bits, offset in the low 32 bits. */
  private long[][] addresses = new long[0][];

  private int[][] hashes = new int[0][];

  /** Slot + 1 per bucket; 0 is empty. */
  private int[] table = new int[1024];

  private int size;

  /** Slots handed out so far (the high-water mark), freed ones included. */
  private int slots;

  private int[] free = new int[16];
  private int freeCount;

  /** The number of keys held. */
  int size() {
    return size;
  }

  /** Slots ever handed out: every live slot is below it. */
  int slots() {
    return slots;
  }

  /** Whether a slot holds a key. */
  boolean live(int slot) {
    return addressOf(slot) != -1L;
  }

  /** The slot of a key, or -1. */
  int find(byte[] key, int offset, int length) {
    int hash = hash(key, offset, length);
    int mask = table.length - 1;
    for (int bucket = hash & mask; ; bucket = (bucket + 1) & mask) {
      int entry = table[bucket];
      if (entry == 0) {
        return -1;
      }
      int slot = entry - 1;
      if (hashOf(slot) == hash && keyEquals(slot, key, offset, length)) {
        return slot;
      }
    }
  }

  /** The slot of a key, or -(slot + 1) of a new slot it was given. */
  int findOrInsert(byte[] key) {
    int hash = hash(key, 0, key.length);
    int mask = table.length - 1;
    int bucket = hash & mask;
    for (; ; bucket = (bucket + 1) & mask) {
      int entry = table[bucket];
      if (entry == 0) {
        break;
      }
      int slot = entry - 1;
      if (hashOf(slot) == hash && keyEquals(slot, key, 0, key.length)) {
        return slot;
      }
    }
    int slot = allocate();
    int page = slot >>> PAGE_SHIFT;
    int at = slot & (PAGE_ROWS - 1);
    addresses[page][at] = store(key);
    hashes[page][at] = hash;
    table[bucket] = slot + 1;
    if (++size * 3L > table.length * 2L) {
      // A load of at most 2/3 keeps linear probes short.
      resize(table.length * 2);
    }
    return -(slot + 1);
  }

  /** Removes the key of a slot and frees the slot. */
  void remove(int slot) {
    int mask = table.length - 1;
    int bucket = hashOf(slot) & mask;
    while (table[bucket] != slot + 1) {
      bucket = (bucket + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the probe run into the gap.
    int gap = bucket;
    for (int next = (gap + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
      int home = hashOf(table[next] - 1) & mask;
      if (((next - home) & mask) >= ((next - gap) & mask)) {
        table[gap] = table[next];
        gap = next;
      }
    }
    table[gap] = 0;
    deadBytes += storedLength(addressOf(slot));
    addresses[slot >>> PAGE_SHIFT][slot & (PAGE_ROWS - 1)] = -1L;
    size--;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = slot;
    if (deadBytes > CHUNK_BYTES && deadBytes * 2 > chunkBytes) {
      compact();
    }
  }

  /** Copies the live keys into new chunks, so the removed keys' bytes can be collected. */
  private void compact() {
    List<byte[]> old = new ArrayList<>(chunks);
    chunks.clear();
    chunk = null;
    chunkUsed = 0;
    chunkBytes = 0;
    deadBytes = 0;
    for (int slot = 0; slot < slots; slot++) {
      long address = addressOf(slot);
      if (address != -1L) {
        byte[] from = old.get((int) (address >>> 32));
        int length = storedLength(from, (int) address);
        int at = reserve(length);
        System.arraycopy(from, (int) address, chunk, at, length);
        addresses[slot >>> PAGE_SHIFT][slot & (PAGE_ROWS - 1)] = pack(at);
      }
    }
  }

  /** Heap bytes held: key chunks, per-slot address and hash, and the hash table. */
  long bytes() {
    return chunkBytes
        + (long) addresses.length * PAGE_ROWS * 12
        + 4L * table.length
        + 4L * free.length;
  }

  private int allocate() {
    if (freeCount > 0) {
      return free[--freeCount];
    }
    int slot = slots++;
    int page = slot >>> PAGE_SHIFT;
    if (page == addresses.length) {
      addresses = Arrays.copyOf(addresses, page + 1);
      hashes = Arrays.copyOf(hashes, page + 1);
      addresses[page] = new long[PAGE_ROWS];
      Arrays.fill(addresses[page], -1L);
      hashes[page] = new int[PAGE_ROWS];
    }
    return slot;
  }

  private long store(byte[] key) {
    int at = reserve(varintLength(key.length) + key.length);
    int pos = writeLength(chunk, at, key.length);
    System.arraycopy(key, 0, chunk, pos, key.length);
    return pack(at);
  }

  /** Makes room for {@code length} bytes in the current chunk; returns where they go. */
  private int reserve(int length) {
    if (chunk == null || chunkUsed + length > chunk.length) {
      chunk = new byte[Math.max(CHUNK_BYTES, length)];
      chunks.add(chunk);
      chunkUsed = 0;
      chunkBytes += chunk.length + 16;
    }
    int at = chunkUsed;
    chunkUsed += length;
    return at;
  }

  /** The address of an offset in the current chunk. */
  private long pack(int at) {
    return ((long) (chunks.size() - 1) << 32) | at;
  }

  private long addressOf(int slot) {
    return addresses[slot >>> PAGE_SHIFT][slot & (PAGE_ROWS - 1)];
  }

  /** The bytes a stored key takes: its varint length, then the key. */
  private int storedLength(long address) {
    return storedLength(chunks.get((int) (address >>> 32)), (int) address);
  }

  private static int storedLength(byte[] bytes, int at) {
    int length = 0;
    int shift = 0;
    int start = at;
    byte b;
    do {
      b = bytes[at++];
      length |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return at - start + length;
  }

  private static int varintLength(int value) {
    int bytes = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      bytes++;
    }
    return bytes;
  }

  private boolean keyEquals(int slot, byte[] key, int offset, int length) {
    long address = addressOf(slot);
    byte[] bytes = chunks.get((int) (address >>> 32));
    int at = (int) address;
    // The length is a varint before the key bytes.
    int stored = 0;
    int shift = 0;
    byte b;
    do {
      b = bytes[at++];
      stored |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return stored == length && Arrays.equals(bytes, at, at + length, key, offset, offset + length);
  }

  private int hashOf(int slot) {
    return hashes[slot >>> PAGE_SHIFT][slot & (PAGE_ROWS - 1)];
  }

  private void resize(int capacity) {
    int[] grown = new int[capacity];
    int mask = capacity - 1;
    for (int entry : table) {
      if (entry != 0) {
        int bucket = hashOf(entry - 1) & mask;
        while (grown[bucket] != 0) {
          bucket = (bucket + 1) & mask;
        }
        grown[bucket] = entry;
      }
    }
    table = grown;
  }

  private static int writeLength(byte[] into, int at, int length) {
    while ((length & ~0x7F) != 0) {
      into[at++] = (byte) ((length & 0x7F) | 0x80);
      length >>>= 7;
    }
    into[at++] = (byte) length;
    return at;
  }

  /**
   * A 32-bit hash of the key bytes, eight at a time, fully mixed (murmur3's finalizer). Not a
   * polynomial over bytes: Feast keys differ only in a few value bytes, and base-31 sums of bytes
   * collide for most of them (200,000 integer keys gave 28,000 distinct hashes).
   */
  static int hash(byte[] key, int offset, int length) {
    long h = 0x9E3779B97F4A7C15L ^ length;
    int i = offset;
    int end = offset + length;
    for (; i + 8 <= end; i += 8) {
      h = (h ^ mix((long) LONGS.get(key, i))) * 0x9E3779B97F4A7C15L;
    }
    long tail = 0;
    for (int shift = 0; i < end; i++, shift += 8) {
      tail |= (key[i] & 0xFFL) << shift;
    }
    h = mix(h ^ mix(tail));
    return (int) (h ^ (h >>> 32));
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xFF51AFD7ED558CCDL;
    k ^= k >>> 33;
    k *= 0xC4CEB9FE1A85EC53L;
    return k ^ (k >>> 33);
  }
}
