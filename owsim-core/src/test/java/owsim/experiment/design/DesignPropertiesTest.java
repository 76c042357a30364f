package owsim.experiment.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import owsim.random.Distribution;

/** Invariants of every design on generated parameter lists. */
class DesignPropertiesTest {
    @Provide
    Arbitrary<Distribution> distributions() {
        Arbitrary<Double> lo = Arbitraries.doubles().between(-1e6, 1e6).ofScale(6);
        Arbitrary<Double> width = Arbitraries.doubles().between(1e-3, 1e6).ofScale(6);
        Arbitrary<Distribution> uniform = Combinators.combine(lo, width).as((a, w) -> new Distribution.Uniform(a, a + w));
        Arbitrary<Distribution> logUniform = Combinators.combine(Arbitraries.doubles().between(1e-6, 1e3).ofScale(6), Arbitraries.doubles().between(1.01, 1e6).ofScale(6))
            .as((a, f) -> new Distribution.LogUniform(a, a * f));
        Arbitrary<Distribution> normal = Combinators.combine(lo, Arbitraries.doubles().between(1e-3, 1e3).ofScale(6), Arbitraries.doubles().between(-10, 10).ofScale(6), Arbitraries.doubles().between(0.01, 20).ofScale(6))
            .as((m, sd, zLow, zWidth) -> new Distribution.TruncatedNormal(m, sd, m + zLow * sd, m + (zLow + zWidth) * sd));
        Arbitrary<Distribution> discrete = Arbitraries.doubles().between(-100, 100).ofScale(6).set().ofMinSize(1).ofMaxSize(6)
            .map(s -> new Distribution.Discrete(s.stream().mapToDouble(Double::doubleValue).toArray()));
        return Arbitraries.oneOf(uniform, logUniform, normal, discrete);
    }

    @Property(tries = 60)
    void everyDesignStaysInsideEveryRangeAndHasItsRunCount(
        @ForAll("distributions") Distribution d1, @ForAll("distributions") Distribution d2,
        @ForAll("distributions") Distribution d3, @ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int k) {
        List<Distribution> ds = List.of(d1, d2, d3);
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < k; i++) ps.add(new Parameter("p" + i, ds.get(i)));
        List<Design> designs = List.of(new GridDesign(3), new LatinHypercubeDesign(17), new SobolDesign(16),
            new MorrisDesign(4, 4, 8), new TornadoDesign(0.1, 0.9));
        for (Design design : designs) {
            SampleMatrix m = design.sample(ps, seed);
            assertThat((long) m.runs()).as(design.name()).isEqualTo(design.runCount(ps));
            for (int r = 0; r < m.runs(); r++) {
                for (int j = 0; j < k; j++) {
                    assertThat(ps.get(j).distribution().contains(m.value(r, j)))
                        .as("%s run %d %s = %s", design.name(), r, ps.get(j).distribution(), m.value(r, j)).isTrue();
                }
            }
            // same seed, same matrix: no hidden state
            assertThat(design.sample(ps, seed).rows()).usingRecursiveComparison().isEqualTo(m.rows());
        }
    }
}
