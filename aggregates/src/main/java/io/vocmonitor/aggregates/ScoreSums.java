package io.vocmonitor.aggregates;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The {@link ItemSums} of every item over one selection of responses: a bucket, a date range, a batch delta. */
public final class ScoreSums {

    private final Map<String, ItemSums> items = new TreeMap<>();

    public ItemSums get(String item) {
        ItemSums sums = items.get(item);
        return sums == null ? new ItemSums() : sums.copy();
    }

    /** The sums of an item, created empty on first use, to accumulate into. */
    public ItemSums accumulator(String item) {
        return items.computeIfAbsent(item, name -> new ItemSums());
    }

    public ScoreSums plus(String item, ItemSums sums) {
        accumulator(item).plus(sums);
        return this;
    }

    public ScoreSums plus(ScoreSums other) {
        other.items.forEach(this::plus);
        return this;
    }

    public ScoreSums negated() {
        ScoreSums negated = new ScoreSums();
        items.forEach((item, sums) -> negated.items.put(item, sums.negated()));
        return negated;
    }

    /** Number of responses in the selection. */
    public long responses() {
        return get(Items.RESPONSES).n();
    }

    public Map<String, ItemSums> items() {
        return Collections.unmodifiableMap(items);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreSums other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return "ScoreSums" + items;
    }
}
