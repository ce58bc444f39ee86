package io.vocmonitor.events;

/** The answer scales of the instruments' questions, with their inclusive bounds (SPEC §2). */
public enum Scale {
    /** 1 = strongly disagree … 5 = strongly agree; score = answer − 3. */
    AGREEMENT(1, 5),
    /** Brand effect, 1 = much worse … 5 = much better; score = answer − 3. */
    BRAND_EFFECT(1, 5),
    /** How likely to recommend, 0..10 (NPS). */
    RECOMMEND(0, 10),
    /** "They made it easy for me", 1..7, 7 = strongly agree (CES). */
    EFFORT(1, 7),
    /** Satisfaction, 1..5 (CSAT). */
    SATISFACTION(1, 5);

    private final int min;
    private final int max;

    Scale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean contains(int answer) {
        return answer >= min && answer <= max;
    }
}
