package io.vocmonitor.events;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Service Excellence Scan's two answer scales (SPEC §2.4): words with points, and {@code NA} (not applicable:
 * counted, but left out of every score) on both.
 */
public enum ScanScale {
    /** A building block's element statement: NO 0, STARTED 1, SYSTEMATIC 3. */
    ELEMENT(new Word("NO", 0, new Text("no", "nee")),
            new Word("STARTED", 1, new Text("started", "aanzet")),
            new Word("SYSTEMATIC", 3, new Text("systematic", "systematisch"))),
    /** A result area's statement: BELOW_AVERAGE 0, AVERAGE 1, ABOVE_AVERAGE 3, TOP 5. */
    RESULT(new Word("BELOW_AVERAGE", 0, new Text("below average", "ondergemiddeld")),
            new Word("AVERAGE", 1, new Text("average", "gemiddeld")),
            new Word("ABOVE_AVERAGE", 3, new Text("above average", "bovengemiddeld")),
            new Word("TOP", 5, new Text("top", "top")));

    /** The answer that is left out of the scores, on either scale. */
    public static final String NOT_APPLICABLE = "NA";
    /** How the page and the catalogue name {@link #NOT_APPLICABLE}. */
    public static final Text NOT_APPLICABLE_LABEL = new Text("not applicable", "nvt");

    /** An answer word with its points and its label. */
    public record Word(String word, int points, Text label) {
    }

    private final Map<String, Word> words = new LinkedHashMap<>();

    ScanScale(Word... words) {
        Arrays.stream(words).forEach(word -> this.words.put(word.word(), word));
    }

    /** The words in order, lowest points first. */
    public List<Word> words() {
        return List.copyOf(words.values());
    }

    public Optional<Word> word(String word) {
        return Optional.ofNullable(words.get(word));
    }

    /** The points of the highest answer: 3 for an element, 5 for a result statement. */
    public int maxPoints() {
        return words.values().stream().mapToInt(Word::points).max().orElseThrow();
    }

    /** The word of some points on this scale, or empty when no word has them. */
    public Optional<Word> withPoints(int points) {
        return words.values().stream().filter(word -> word.points() == points).findFirst();
    }
}
