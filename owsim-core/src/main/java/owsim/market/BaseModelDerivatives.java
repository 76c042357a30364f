package owsim.market;

import java.util.Arrays;
import owsim.scenario.DerivativesPerBaseModelSpec;
import owsim.scenario.MechanismSwitch;

/**
 * Mechanism {@code derivativesPerBaseModel} (issue 15, the ecosystem grounded in data), applied by
 * {@link Ecosystem} in place of its one stock per lab. Each lab keeps the derivatives of its newest
 * open bases in slots of {@link MarketState} ({@code lab * slots + j}, slot 0 the newest): a base is
 * a release family (the models a lab released in one month), open when any of them is, with the
 * capability of its most capable open model. When a newer base opens it takes slot 0 with no
 * derivatives and the others move down one slot; the base pushed out of the last slot loses its
 * stock. A base's weight is 2^(-gap/d), gap its capability behind the lab's most capable kept base
 * in decades of effective compute. A month's new derivatives go a share s to the newest base and
 * 1 - s to the previous ones in proportion to their weights (all to the newest when it is the only
 * one). The lab's effective stock, what users and research read, is the weighted sum.
 */
final class BaseModelDerivatives {
    private BaseModelDerivatives() {}

    /** Whether derivatives are kept per base model in this world: the switch on and a {@code derivativesPerBaseModel} section given. */
    static boolean on(World w) {
        return w.scenario.derivativesPerBaseModel() != null && w.scenario.mechanisms().isOn(MechanismSwitch.DERIVATIVES_PER_BASE_MODEL);
    }

    /** Bases kept per lab: the section's slots when the mechanism is on, else 0 (no arrays). */
    static int slots(World w) {
        return on(w) ? w.scenario.derivativesPerBaseModel().baseModelSlots() : 0;
    }

    /**
     * One month of lab i: its bases brought up to date with its releases, then, each base kept
     * {@code kept} of itself (ecosystemDecay; 1 without), the month's {@code added} derivatives shared
     * out; the lab's effective stock and its growth (the weighted new ones over the weighted stock
     * before the month) written to {@code s.derivatives} and {@code s.derivativesGrowth}.
     */
    static void apply(World w, MarketState s, int i, double added, double kept) {
        DerivativesPerBaseModelSpec spec = w.scenario.derivativesPerBaseModel();
        int k = spec.baseModelSlots();
        if (s.baseChangesSeen[i] != s.releaseChanges[i]) {
            update(s, i, k);
            s.baseChangesSeen[i] = s.releaseChanges[i];
        }
        int row = i * k;
        int n = s.baseCount[i];
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) best = Math.max(best, s.baseCapability[row + j]);
        double[] weight = new double[n];
        double before = 0;
        double older = 0;
        for (int j = 0; j < n; j++) {
            weight[j] = spec.weight(best - s.baseCapability[row + j]);
            before += weight[j] * s.baseDerivatives[row + j];
            if (j > 0) older += weight[j];
        }
        double share = n == 1 ? 1 : spec.newestBaseShare();
        double effective = 0;
        double weightedAdded = 0;
        for (int j = 0; j < n; j++) {
            double a = j == 0 ? added * share : older > 0 ? added * (1 - share) * weight[j] / older : 0;
            s.baseDerivatives[row + j] = s.baseDerivatives[row + j] * kept + a;
            effective += weight[j] * s.baseDerivatives[row + j];
            weightedAdded += weight[j] * a;
        }
        s.derivativesGrowth[i] = weightedAdded / Math.max(1, before);
        s.derivatives[i] = effective;
    }

    /**
     * Lab i's k newest open bases, newest first, from its releases: a base already kept keeps its
     * stock (found by its month), a new one starts with none, one no longer among the k newest is dropped.
     */
    static void update(MarketState s, int i, int k) {
        int[] months = new int[k];
        double[] caps = new double[k];
        int n = 0;
        for (Release r : s.releases) {
            if (r.lab != i || !r.isOpen()) continue;
            int at = 0;
            while (at < n && months[at] > r.month) at++;
            if (at < n && months[at] == r.month) {
                caps[at] = Math.max(caps[at], r.capability);
                continue;
            }
            if (at >= k) continue; // older than the k newest so far
            int last = Math.min(n, k - 1);
            for (int j = last; j > at; j--) {
                months[j] = months[j - 1];
                caps[j] = caps[j - 1];
            }
            months[at] = r.month;
            caps[at] = r.capability;
            n = Math.min(n + 1, k);
        }
        int row = i * k;
        double[] stock = new double[k];
        for (int j = 0; j < n; j++) {
            for (int old = 0; old < s.baseCount[i]; old++) {
                if (s.baseMonth[row + old] == months[j]) stock[j] = s.baseDerivatives[row + old];
            }
        }
        Arrays.fill(s.baseMonth, row, row + k, Integer.MIN_VALUE);
        Arrays.fill(s.baseCapability, row, row + k, 0);
        System.arraycopy(months, 0, s.baseMonth, row, n);
        System.arraycopy(caps, 0, s.baseCapability, row, n);
        System.arraycopy(stock, 0, s.baseDerivatives, row, k);
        s.baseCount[i] = n;
    }
}
