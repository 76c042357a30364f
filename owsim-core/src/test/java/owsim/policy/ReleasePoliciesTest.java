package owsim.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReleasePoliciesTest {
    private static final ReleaseView BIG = new ReleaseView(10, 600e9, 37e9, 26.0, true);
    private static final ReleaseView SMALL = new ReleaseView(10, 30e9, 3e9, 25.0, false);

    private static PolicyContext at(int month, double frontier) { return new PolicyContext(month, frontier, 0.1); }

    @Test
    void closedNeverOpensAndOpenAlwaysDoes() {
        assertThat(ReleasePolicies.parse("closed").isOpen(BIG, at(100, 30))).isFalse();
        assertThat(ReleasePolicies.parse("open").isOpen(BIG, at(10, 26))).isTrue();
    }

    @Test
    void delayedOpensAfterKMonths() {
        ReleasePolicy p = ReleasePolicies.parse("open-delayed(6)");
        assertThat(p.isOpen(BIG, at(15, 26))).isFalse();
        assertThat(p.isOpen(BIG, at(16, 26))).isTrue();
        assertThat(p.text()).isEqualTo("open-delayed(6)");
    }

    @Test
    void smallOpensOnlyModelsUpToTheLimit() {
        ReleasePolicy p = ReleasePolicies.parse("open-small(32B)");
        assertThat(p.isOpen(SMALL, at(10, 26))).isTrue();
        assertThat(p.isOpen(BIG, at(10, 26))).isFalse();
        assertThat(ReleasePolicies.parse("open-small(3.2e10)")).isEqualTo(p);
    }

    @Test
    void behindFrontierOpensOnceTheFrontierIsLagMonthsAhead() {
        ReleasePolicy p = ReleasePolicies.parse("open-behind-frontier(12)");
        assertThat(p.isOpen(BIG, at(11, 26.0 + 1.19))).isFalse();
        assertThat(p.isOpen(BIG, at(11, 26.0 + 1.2))).isTrue();
    }

    @Test
    void errorsListTheAllowedForms() {
        assertThatThrownBy(() -> ReleasePolicies.parse("sometimes"))
            .hasMessageStartingWith("policy: ")
            .hasMessageContaining("open-delayed(months)")
            .hasMessageContaining("open-behind-frontier(lagMonths)");
        assertThatThrownBy(() -> ReleasePolicies.parse("open-delayed()")).hasMessageContaining("needs an argument");
        assertThatThrownBy(() -> ReleasePolicies.parse("open-delayed(x)")).hasMessageContaining("non-numeric");
        assertThatThrownBy(() -> ReleasePolicies.parse("closed(3)")).hasMessageContaining("takes no argument");
        assertThatThrownBy(() -> ReleasePolicies.parse("open-delayed(-1)")).hasMessageContaining("between");
    }
}
