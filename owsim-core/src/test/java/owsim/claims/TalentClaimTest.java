package owsim.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** Claim k on the four-lab world: its threshold separates attraction from none, and each part rests on its mechanism. */
class TalentClaimTest {
    private final AggregateEngine engine = new AggregateEngine(Catalog.bundled());
    /** Financing off: exits change who hires, not what claim k's mechanism does (the claim's docs run with it on). */
    private final Scenario base = TestWorlds.fourLabs().withMechanisms(
        TestWorlds.fourLabs().mechanisms().with(owsim.scenario.MechanismSwitch.FINANCING, false));
    private final TalentClaim claim = new TalentClaim();

    @Test void theThresholdIsWhereTheGainFromOpeningFallsBelowHalfAPoint() {
        ClaimResult r = claim.evaluate(base, engine);
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.HOLDS_WHEN);
        double threshold = r.verdict().threshold();
        String lab = Experiments.challenger(base);
        // Bisection: 10 steps over a 1000-fold range pin the crossing within 0.7%; 20% either side must fall on each side.
        assertThat(TalentClaim.gain(engine, TalentClaim.withEntry(base, threshold / 1.2), lab)).isGreaterThanOrEqualTo(TalentClaim.MATERIAL_SHARE);
        assertThat(TalentClaim.gain(engine, TalentClaim.withEntry(base, threshold * 1.2), lab)).isLessThan(TalentClaim.MATERIAL_SHARE);
        assertThat(r.margin()).isCloseTo(Math.log10(threshold / base.market().newResearchersPerMonth()), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test void withTheTalentMarketOffOpeningAttractsNobody() {
        ClaimResult off = claim.evaluate(Experiments.with(base, MechanismSwitch.TALENT, false), engine);
        assertThat(off.effect()).isZero();
        assertThat(off.verdict().kind()).isEqualTo(Verdict.Kind.FAILS);
        assertThat(off.holdsHere()).isFalse();
    }

    @Test void withUnlimitedOpeningsNoEntryEndsTheShortage() {
        Scenario unlimited = Experiments.set(base, "market.researcherOpeningsPerMonth", 0);
        ClaimResult r = claim.evaluate(unlimited, engine);
        assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.FAILS);
        assertThat(r.margin()).isEqualTo(-Math.log10(TalentClaim.HIGH_FACTOR));
        assertThat(r.finding()).contains("not fragile");
    }
}
