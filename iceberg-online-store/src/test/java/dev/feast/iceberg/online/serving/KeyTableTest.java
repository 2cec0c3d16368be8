package dev.feast.iceberg.online.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.feast.iceberg.spi.EntityKey;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyTableTest {
  private static byte[] key(long id) {
    return EntityKey.of("entity_id", id).serialize();
  }

  @Test
  void everyKeyKeepsItsSlotThroughGrowthAndRemovals() {
    KeyTable table = new KeyTable();
    int keys = 100_000;
    int[] slots = new int[keys];
    for (int i = 0; i < keys; i++) {
      int inserted = table.findOrInsert(key(i));
      assertThat(inserted).isNegative();
      slots[i] = -inserted - 1;
    }
    // Remove every other key: backward-shift deletion must keep the others reachable.
    for (int i = 0; i < keys; i += 2) {
      table.remove(slots[i]);
    }
    assertThat(table.size()).isEqualTo(keys / 2);
    for (int i = 0; i < keys; i++) {
      byte[] k = key(i);
      assertThat(table.find(k, 0, k.length)).isEqualTo(i % 2 == 0 ? -1 : slots[i]);
      assertThat(table.findOrInsert(k) >= 0).isEqualTo(i % 2 == 1);
    }
    // Freed slots are reused rather than growing the slot range.
    assertThat(table.slots()).isEqualTo(keys);
  }

  @Test
  void removedKeysBytesAreGivenBackAndTheLiveKeysStayFound() {
    KeyTable table = new KeyTable();
    int keys = 300_000;
    int[] slots = new int[keys];
    for (int i = 0; i < keys; i++) {
      slots[i] = -table.findOrInsert(key(i)) - 1;
    }
    long full = table.bytes();
    // A ttl eviction that leaves one key in a hundred: the key arena must shrink with it.
    for (int i = 0; i < keys; i++) {
      if (i % 100 != 0) {
        table.remove(slots[i]);
      }
    }
    assertThat(table.bytes()).isLessThan(full - 5_000_000);
    for (int i = 0; i < keys; i++) {
      byte[] k = key(i);
      assertThat(table.find(k, 0, k.length)).isEqualTo(i % 100 == 0 ? slots[i] : -1);
    }
    // Keys added after the rewrite are stored and found alongside the kept ones.
    for (int i = keys; i < keys + 1000; i++) {
      assertThat(table.findOrInsert(key(i))).isNegative();
    }
    byte[] kept = key(0);
    assertThat(table.find(kept, 0, kept.length)).isEqualTo(slots[0]);
  }

  @Test
  void feastKeysThatDifferInFewValueBytesHashApart() {
    Set<Integer> hashes = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      byte[] k = key(i);
      hashes.add(KeyTable.hash(k, 0, k.length));
    }
    assertThat(hashes.size()).isGreaterThan(99_990);
  }
}
