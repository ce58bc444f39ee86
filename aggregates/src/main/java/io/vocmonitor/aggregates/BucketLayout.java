package io.vocmonitor.aggregates;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.Scale;
import io.vocmonitor.events.ScanCatalogue;
import io.vocmonitor.events.ServiceProofAspect;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one bucket's {@link ScoreSums} are stored: one array of sums per bucket row, so a response costs one
 * row and one index entry however many questions it answers. Per instrument the items have fixed places;
 * each item is a run of slots {@code n, Σx, Σx²}, then {@code Σy, Σy², Σxy} where the item is paired with the
 * relationship's impact, then the counts of the answers its scale allows. Items are only ever appended to a
 * layout, so an array written under an older, shorter layout reads as the same sums with zeros after it.
 *
 * <p>The same layout is in table {@code scoring.bucket_item} (1-based positions), for SQL readers.
 */
public final class BucketLayout {

    /** Where an item's slots are: {@code offset} is the 0-based index of its {@code n}. */
    public record ItemSlots(String item, int offset, boolean paired, int countFrom, int countTo) {

        /** Number of slots the item takes. */
        public int width() {
            return 3 + (paired ? 3 : 0) + (countTo - countFrom + 1);
        }

        private int firstCount() {
            return offset + 3 + (paired ? 3 : 0);
        }
    }

    private static final Map<Instrument, BucketLayout> LAYOUTS = new EnumMap<>(Instrument.class);

    static {
        LAYOUTS.put(Instrument.SERVICEPROOF, new Builder()
                .item(Items.RESPONSES, false, 0, -1)
                .items(ServiceProofAspect.values(), false, Scale.AGREEMENT)
                .item(Items.RECOMMEND, false, Scale.RECOMMEND.min(), Scale.RECOMMEND.max())
                .item(Items.EFFORT, false, Scale.EFFORT.min(), Scale.EFFORT.max())
                .item(Items.SATISFACTION, false, Scale.SATISFACTION.min(), Scale.SATISFACTION.max())
                .build());
        LAYOUTS.put(Instrument.SERVICE_RECOVERY, new Builder()
                .item(Items.RESPONSES, false, 0, -1)
                .items(RecoveryDriver.values(), true, Scale.AGREEMENT)
                .item(Items.BRAND_EFFECT, false, Scale.BRAND_EFFECT.min(), Scale.BRAND_EFFECT.max())
                .item(Items.RELATIONSHIP, false, 0, maxCode())
                .item(Items.RECOMMEND, false, Scale.RECOMMEND.min(), Scale.RECOMMEND.max())
                .item(Items.EFFORT, false, Scale.EFFORT.min(), Scale.EFFORT.max())
                .item(Items.SATISFACTION, false, Scale.SATISFACTION.min(), Scale.SATISFACTION.max())
                .build());
        Builder scan = new Builder().item(Items.RESPONSES, false, 0, -1);
        // points 0..5 in the slots of their points, NA in the slot after them
        ScanCatalogue.STATEMENTS.forEach(statement -> scan.item(statement.id(), false, 0, ItemSums.NOT_APPLICABLE_SLOT));
        LAYOUTS.put(Instrument.SERVICE_EXCELLENCE_SCAN, scan.build());
    }

    private final Map<String, ItemSlots> items;
    private final int width;

    private BucketLayout(Map<String, ItemSlots> items, int width) {
        this.items = Collections.unmodifiableMap(items);
        this.width = width;
    }

    public static BucketLayout of(Instrument instrument) {
        return LAYOUTS.get(instrument);
    }

    /** The items in their order in the array. */
    public List<ItemSlots> items() {
        return List.copyOf(items.values());
    }

    /** Length of the array. */
    public int width() {
        return width;
    }

    /**
     * The sums as an array of this layout.
     *
     * @throws IllegalArgumentException when an item is not in the layout or carries a sum it has no slot for
     */
    public long[] encode(ScoreSums sums) {
        long[] array = new long[width];
        sums.items().forEach((item, itemSums) -> {
            ItemSlots slots = items.get(item);
            if (slots == null) {
                throw new IllegalArgumentException(item + " has no place in the bucket layout");
            }
            if (!slots.paired() && (itemSums.sumY() != 0 || itemSums.sumY2() != 0 || itemSums.sumXY() != 0)) {
                throw new IllegalArgumentException(item + " is not paired with the impact score in the bucket layout");
            }
            for (int answer = 0; answer < ItemSums.COUNT_SLOTS; answer++) {
                if (itemSums.count(answer) != 0 && (answer < slots.countFrom() || answer > slots.countTo())) {
                    throw new IllegalArgumentException(item + " has no count slot for answer " + answer);
                }
            }
            int at = slots.offset();
            array[at] = itemSums.n();
            array[at + 1] = itemSums.sumX();
            array[at + 2] = itemSums.sumX2();
            if (slots.paired()) {
                array[at + 3] = itemSums.sumY();
                array[at + 4] = itemSums.sumY2();
                array[at + 5] = itemSums.sumXY();
            }
            for (int answer = slots.countFrom(); answer <= slots.countTo(); answer++) {
                array[slots.firstCount() + answer - slots.countFrom()] = itemSums.count(answer);
            }
        });
        return array;
    }

    /** The sums an array holds; slots past its end count as zero, items with nothing in them are left out. */
    public ScoreSums decode(long[] array) {
        ScoreSums sums = new ScoreSums();
        for (ItemSlots slots : items.values()) {
            int at = slots.offset();
            long[] counts = new long[ItemSums.COUNT_SLOTS];
            for (int answer = slots.countFrom(); answer <= slots.countTo(); answer++) {
                counts[answer] = slot(array, slots.firstCount() + answer - slots.countFrom());
            }
            ItemSums item = slots.paired()
                    ? ItemSums.of(slot(array, at), slot(array, at + 1), slot(array, at + 2), slot(array, at + 3),
                            slot(array, at + 4), slot(array, at + 5), counts)
                    : ItemSums.of(slot(array, at), slot(array, at + 1), slot(array, at + 2), 0, 0, 0, counts);
            if (!item.isZero()) {
                sums.plus(slots.item(), item);
            }
        }
        return sums;
    }

    /** Adds {@code addend} to {@code total} slot by slot; answers {@code total}, grown when the addend is longer. */
    public static long[] add(long[] total, long[] addend) {
        long[] sum = addend.length > total.length ? Arrays.copyOf(total, addend.length) : total;
        for (int i = 0; i < addend.length; i++) {
            sum[i] += addend[i];
        }
        return sum;
    }

    /** The array in PostgreSQL's text form, {@code {1,2,3}}. */
    public static String toSql(long[] array) {
        StringBuilder text = new StringBuilder(array.length * 2 + 2).append('{');
        for (int i = 0; i < array.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(array[i]);
        }
        return text.append('}').toString();
    }

    /** Outcomes are counted by their stored code, 0..3 today. */
    private static int maxCode() {
        return Arrays.stream(RelationshipOutcome.values()).mapToInt(RelationshipOutcome::code).max().orElseThrow();
    }

    private static long slot(long[] array, int index) {
        return index < array.length ? array[index] : 0;
    }

    private static final class Builder {
        private final Map<String, ItemSlots> items = new LinkedHashMap<>();
        private int width;

        Builder item(String name, boolean paired, int countFrom, int countTo) {
            ItemSlots slots = new ItemSlots(name, width, paired, countFrom, countTo);
            items.put(name, slots);
            width += slots.width();
            return this;
        }

        Builder items(Enum<?>[] names, boolean paired, Scale scale) {
            for (Enum<?> name : names) {
                item(name.name(), paired, scale.min(), scale.max());
            }
            return this;
        }

        BucketLayout build() {
            return new BucketLayout(items, width);
        }
    }
}
