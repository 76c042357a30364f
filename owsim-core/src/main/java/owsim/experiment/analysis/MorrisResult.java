package owsim.experiment.analysis;

import java.util.Comparator;
import java.util.List;

/** Morris statistics of one metric over all parameters, in the design's parameter order. */
public record MorrisResult(String metric, List<MorrisEffect> effects) {
    public MorrisResult {
        effects = List.copyOf(effects);
    }

    /** Parameter paths from the most to the least influential by muStar. */
    public List<String> ranking() {
        return effects.stream().sorted(Comparator.comparingDouble(MorrisEffect::muStar).reversed()).map(MorrisEffect::path).toList();
    }

    public MorrisEffect of(String path) {
        for (MorrisEffect e : effects) if (e.path().equals(path)) return e;
        throw new IllegalArgumentException("no parameter '" + path + "' in this analysis");
    }
}
