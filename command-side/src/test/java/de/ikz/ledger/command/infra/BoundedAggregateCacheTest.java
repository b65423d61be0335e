package de.ikz.ledger.command.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1); // a is now the most recently used
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void removedEntriesAreGone() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("b", 1);
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theSettingChoosesTheCache() {
        CommandSideAxonConfiguration configuration = new CommandSideAxonConfiguration();
        Cache off = configuration.aggregateCache(0);
        Cache on = configuration.aggregateCache(5);

        assertThat(off).isSameAs(NoCache.INSTANCE);
        assertThat(on).isInstanceOf(BoundedAggregateCache.class);
        assertThatThrownBy(() -> configuration.aggregateCache(-1)).hasMessageContaining("ikz.aggregates.cache-size");
    }
}
