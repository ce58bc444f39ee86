package io.vocmonitor.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TouchpointsTest {

    @Test
    void labelsAreTrimmedCollapsedAndLowerCase() {
        assertThat(Touchpoints.normalise("  Home \t Delivery ")).isEqualTo("home delivery");
        assertThat(Touchpoints.normalise("BILLING")).isEqualTo(Touchpoints.normalise("billing "));
        assertThat(Touchpoints.normalise("Überweisung")).isEqualTo("überweisung");
    }

    @Test
    void noTouchpointIsTheEmptyLabel() {
        assertThat(Touchpoints.normalise(null)).isEqualTo(Touchpoints.NONE).isEmpty();
        assertThat(Touchpoints.normalise("   ")).isEmpty();
    }
}
