package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the parameter count on generated mixture-of-experts architectures. */
class ParameterCountPropertiesTest {

    @Property(tries = 300)
    void partsAddUpAndActiveSwapsOnlyTheRoutedExperts(
            @ForAll @IntRange(min = 1, max = 96) int layers,
            @ForAll @IntRange(min = 0, max = 4) int denseLayers,
            @ForAll @IntRange(min = 1, max = 64) int headPairs,
            @ForAll @IntRange(min = 1, max = 512) int experts,
            @ForAll @IntRange(min = 1, max = 16) int active,
            @ForAll @IntRange(min = 0, max = 2) int shared,
            @ForAll boolean tied,
            @ForAll boolean bias) {
        int dense = Math.min(denseLayers, layers);
        int activeExperts = Math.min(active, experts);
        int heads = 2 * headPairs;
        ModelSpec m = new ModelSpec("g", null, null, null, layers, 64 * heads, 50_000, tied, 4096, WeightFormat.BF16, null,
            new AttentionSpec(AttentionKind.GQA, heads, 2, 64, 0, 0, 0, 0, 0, 0, 0, bias),
            new FfnSpec(1024, dense, 256, experts, activeExperts, shared, bias), null, List.of(), null);
        ParameterCount c = ParameterCount.of(m);

        assertThat(c.total()).isEqualTo(c.embedding() + c.unembedding() + c.attention() + c.denseFfn()
            + c.routedExperts() + c.sharedExperts() + c.routers() + c.norms());
        long perExpert = c.routedExperts() / Math.max(1L, (long) experts * (layers - dense));
        assertThat(c.total() - c.active()).isEqualTo((long) (experts - activeExperts) * perExpert * (layers - dense));
        assertThat(c.active()).isLessThanOrEqualTo(c.total()).isPositive();
        assertThat(c.unembedding()).isEqualTo(tied ? 0 : c.embedding());
        assertThat(c.expertWeights() + c.nonExpertWeights()).isEqualTo(c.total());
        // One more routed expert per MoE layer adds exactly one expert per MoE layer to the total.
        ModelSpec more = new ModelSpec("g", null, null, null, layers, 64 * heads, 50_000, tied, 4096, WeightFormat.BF16, null,
            m.attention(), new FfnSpec(1024, dense, 256, experts + 1, activeExperts, shared, bias), null, List.of(), null);
        long routerGrowth = (long) (layers - dense) * (64L * heads + (bias ? 1 : 0));
        assertThat(ParameterCount.of(more).total() - c.total()).isEqualTo(perExpert * (layers - dense) + routerGrowth);
    }
}
