package io.vocmonitor.events;

/** The answer scales of the instruments' questions, with their inclusive bounds and end labels (SPEC §2). */
public enum Scale {
    /** 1 = strongly disagree … 5 = strongly agree; score = answer − 3. */
    AGREEMENT(1, 5, new Text("strongly disagree", "helemaal oneens"), new Text("strongly agree", "helemaal eens")),
    /** Brand effect, 1 = much worse … 5 = much better; score = answer − 3. */
    BRAND_EFFECT(1, 5, new Text("much worse", "veel slechter"), new Text("much better", "veel beter")),
    /** How likely to recommend, 0..10 (NPS). */
    RECOMMEND(0, 10, new Text("not at all likely", "zeer onwaarschijnlijk"),
            new Text("extremely likely", "zeer waarschijnlijk")),
    /** "They made it easy for me", 1..7, 7 = strongly agree (CES). */
    EFFORT(1, 7, new Text("strongly disagree", "helemaal oneens"), new Text("strongly agree", "helemaal eens")),
    /** Satisfaction, 1..5 (CSAT). */
    SATISFACTION(1, 5, new Text("very dissatisfied", "zeer ontevreden"), new Text("very satisfied", "zeer tevreden"));

    private final int min;
    private final int max;
    private final Text lowest;
    private final Text highest;

    Scale(int min, int max, Text lowest, Text highest) {
        this.min = min;
        this.max = max;
        this.lowest = lowest;
        this.highest = highest;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** What the lowest answer means. */
    public Text lowest() {
        return lowest;
    }

    /** What the highest answer means. */
    public Text highest() {
        return highest;
    }

    public boolean contains(int answer) {
        return answer >= min && answer <= max;
    }

    /** "1..5", as messages write a scale. */
    public String range() {
        return min + ".." + max;
    }
}
