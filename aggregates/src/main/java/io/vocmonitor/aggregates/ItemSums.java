package io.vocmonitor.aggregates;

import java.util.Arrays;

/**
 * Additive sums of one item's answers over a set of responses — the unit of every aggregate (SPEC §2, §4).
 * Two sets' sums add up to the sums of their union, so a bucket, a date range or a whole history is one
 * {@link #plus}; a retraction is a {@link #minus}. All sums are integers, so they stay exact.
 *
 * <p>{@code x} is the item's value: the score (answer − 3) for agreement items and brand effect, the impact
 * score for the relationship, the raw answer for recommend, effort and satisfaction. {@code y} is the
 * relationship's impact score of the same response, kept beside the recovery drivers for the key-driver
 * correlation. {@code counts[i]} counts raw answers i (0..10), or outcomes by their stored code for the
 * relationship ({@link io.vocmonitor.events.RelationshipOutcome#code()}).
 */
public final class ItemSums {

    /** Number of count slots: answers 0..10 cover every scale. */
    public static final int COUNT_SLOTS = 11;
    /**
     * The slot that counts "not applicable" answers of the Service Excellence Scan, whose points end at 5: they are
     * counted there and nowhere else, so they change no n and no sum.
     */
    public static final int NOT_APPLICABLE_SLOT = 6;

    private long n;
    private long sumX;
    private long sumX2;
    private long sumY;
    private long sumY2;
    private long sumXY;
    private final long[] counts = new long[COUNT_SLOTS];

    public ItemSums() {
    }

    /** Sums as stored; {@code counts} must have {@link #COUNT_SLOTS} entries. */
    public static ItemSums of(long n, long sumX, long sumX2, long sumY, long sumY2, long sumXY, long[] counts) {
        if (counts.length != COUNT_SLOTS) {
            throw new IllegalArgumentException("expected " + COUNT_SLOTS + " counts, got " + counts.length);
        }
        ItemSums sums = new ItemSums();
        sums.n = n;
        sums.sumX = sumX;
        sums.sumX2 = sumX2;
        sums.sumY = sumY;
        sums.sumY2 = sumY2;
        sums.sumXY = sumXY;
        System.arraycopy(counts, 0, sums.counts, 0, COUNT_SLOTS);
        return sums;
    }

    /** Adds one observation of value {@code x}, counted in slot {@code slot}. */
    public ItemSums add(int x, int slot) {
        n++;
        sumX += x;
        sumX2 += (long) x * x;
        counts[slot]++;
        return this;
    }

    /** Adds one observation of {@code x} paired with {@code y} (for a correlation), counted in slot {@code slot}. */
    public ItemSums add(int x, int y, int slot) {
        add(x, slot);
        sumY += y;
        sumY2 += (long) y * y;
        sumXY += (long) x * y;
        return this;
    }

    /** Counts one "not applicable" answer ({@link #NOT_APPLICABLE_SLOT}): not an observation. */
    public ItemSums addNotApplicable() {
        counts[NOT_APPLICABLE_SLOT]++;
        return this;
    }

    /** Adds one response that carries no value (the response counter). */
    public ItemSums addOccurrence() {
        n++;
        return this;
    }

    public ItemSums plus(ItemSums other) {
        n += other.n;
        sumX += other.sumX;
        sumX2 += other.sumX2;
        sumY += other.sumY;
        sumY2 += other.sumY2;
        sumXY += other.sumXY;
        for (int i = 0; i < COUNT_SLOTS; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    public ItemSums minus(ItemSums other) {
        return plus(other.negated());
    }

    /** The sums with every sign flipped: adding them takes the observations out again. */
    public ItemSums negated() {
        long[] negatedCounts = new long[COUNT_SLOTS];
        for (int i = 0; i < COUNT_SLOTS; i++) {
            negatedCounts[i] = -counts[i];
        }
        return of(-n, -sumX, -sumX2, -sumY, -sumY2, -sumXY, negatedCounts);
    }

    public ItemSums copy() {
        return of(n, sumX, sumX2, sumY, sumY2, sumXY, counts);
    }

    public long n() {
        return n;
    }

    public long sumX() {
        return sumX;
    }

    public long sumX2() {
        return sumX2;
    }

    public long sumY() {
        return sumY;
    }

    public long sumY2() {
        return sumY2;
    }

    public long sumXY() {
        return sumXY;
    }

    public long count(int slot) {
        return counts[slot];
    }

    /** A copy of the count slots. */
    public long[] counts() {
        return counts.clone();
    }

    public boolean isZero() {
        return n == 0 && sumX == 0 && sumX2 == 0 && sumY == 0 && sumY2 == 0 && sumXY == 0
                && Arrays.stream(counts).allMatch(c -> c == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemSums other && n == other.n && sumX == other.sumX && sumX2 == other.sumX2
                && sumY == other.sumY && sumY2 == other.sumY2 && sumXY == other.sumXY
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(n) + Long.hashCode(sumX) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ItemSums[n=" + n + ", sumX=" + sumX + ", sumX2=" + sumX2 + ", sumY=" + sumY + ", sumY2=" + sumY2
                + ", sumXY=" + sumXY + ", counts=" + Arrays.toString(counts) + "]";
    }
}
