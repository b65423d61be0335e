package de.ikz.ledger.benchmarks.apps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A variant, not the shipped configuration: both aggregates kept in a bounded in-heap cache, as
 * {@code @Aggregate(cache = "aggregateCache")} would configure them, so that a command finds its
 * aggregate in memory instead of loading its snapshot and events. Measures what that change gains.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheVariant {

    static final String CACHE = "aggregateCache";
    static final int ENTRIES = 50_000;

    @Bean(CACHE)
    static Cache aggregateCache() {
        return new BoundedCache(ENTRIES);
    }

    /** Sets the cache on the aggregates' registrations, the same property the annotation's attribute sets. */
    @Bean
    static BeanFactoryPostProcessor cacheTheAggregates() {
        return beanFactory -> {
            for (String aggregate : new String[] {"cooperationAgreement", "partner"}) {
                registrar(beanFactory, aggregate).getPropertyValues().add("cache", CACHE);
            }
        };
    }

    private static BeanDefinition registrar(ConfigurableListableBeanFactory beanFactory, String aggregate) {
        return beanFactory.getBeanDefinition(aggregate + "$$Registrar");
    }

    /** The least recently used entries go first; every entry is held strongly until then. */
    static final class BoundedCache implements Cache {

        private final Map<Object, Object> entries;

        BoundedCache(int capacity) {
            this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                    return size() > capacity;
                }
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized <K, V> V get(K key) {
            return (V) entries.get(key);
        }

        @Override
        public synchronized void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public synchronized boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        public synchronized boolean remove(Object key) {
            return entries.remove(key) != null;
        }

        @Override
        public synchronized void removeAll() {
            entries.clear();
        }

        @Override
        public synchronized boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            return () -> true;
        }
    }
}
