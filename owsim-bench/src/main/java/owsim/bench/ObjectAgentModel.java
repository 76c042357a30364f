package owsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import owsim.market.agent.MonthCoefficients;
import owsim.market.agent.Population;

/**
 * The same month rule as {@link owsim.market.agent.MonthStep} (fully mixed), written the way agent
 * frameworks write models: one object per user with fields, the model owning one random generator
 * and a scheduler that calls {@code step()} on every agent and then {@code advance()} (simultaneous
 * activation, as in Mesa's SimultaneousActivation or a two-phase MASON schedule). It is the rival
 * in the benchmark, not part of the simulator.
 */
final class ObjectAgentModel {

    /** A lab's product the users can choose. */
    static final class Option {
        final int index;
        final int lab;
        final long[] usersBySegment;
        final double[] tokensBySegment;

        Option(int index, int lab, int segments) {
            this.index = index;
            this.lab = lab;
            this.usersBySegment = new long[segments];
            this.tokensBySegment = new double[segments];
        }
    }

    /** Parameters shared by a segment's agents. */
    static final class Segment {
        final double[] awarenessP;
        final double[] awarenessQ;
        final long[] hazardThreshold;
        final double[][] choiceCdf;
        final long reconsiderThreshold;
        int index;
        long size;
        final long[] usersByLab;

        Segment(double[] awarenessP, double[] awarenessQ, double[][] choiceCdf, double reconsiderPerMonth) {
            this.awarenessP = awarenessP;
            this.awarenessQ = awarenessQ;
            this.hazardThreshold = new long[awarenessP.length];
            this.choiceCdf = choiceCdf;
            this.reconsiderThreshold = Math.round(reconsiderPerMonth * (double) (1L << 32));
            this.usersByLab = new long[awarenessP.length];
        }
    }

    /** One user. */
    static final class Agent {
        final Segment segment;
        final double usageTokensPerMonth;
        final boolean[] aware;
        Option option;
        Option nextOption;

        Agent(Segment segment, double usageTokensPerMonth, boolean[] aware, Option option) {
            this.segment = segment;
            this.usageTokensPerMonth = usageTokensPerMonth;
            this.aware = aware;
            this.option = option;
        }

        void step(ObjectAgentModel model) {
            // Same draws as the array kernel: a 32-bit uniform per lab and one to reconsider.
            SplittableRandom random = model.random;
            long pool = 0;
            for (int l = 0; l < aware.length; l++) {
                long u;
                if ((l & 1) == 0) {
                    pool = random.nextLong();
                    u = pool >>> 32;
                } else {
                    u = pool & 0xffffffffL;
                }
                aware[l] |= u < segment.hazardThreshold[l];
            }
            long uReconsider = (aware.length & 1) == 0 ? random.nextLong() >>> 32 : pool & 0xffffffffL;
            Option chosen = option;
            if (uReconsider < segment.reconsiderThreshold) chosen = model.choose(this, random.nextDouble());
            nextOption = chosen;
            if (chosen != null) {
                chosen.usersBySegment[segment.index]++;
                chosen.tokensBySegment[segment.index] += usageTokensPerMonth;
            }
        }

        void advance() {
            option = nextOption;
        }
    }

    private final List<Agent> agents;
    private final List<Option> options;
    private final List<Segment> segments;
    private final int labs;
    private final double dtYears;
    SplittableRandom random;

    /** Copies users and starting state from an array population, so both layouts start equal. */
    ObjectAgentModel(Population pop, MonthCoefficients c, long seed) {
        this.labs = pop.labs();
        this.dtYears = c.dtYears();
        this.options = new ArrayList<>();
        for (int o = 0; o < c.options(); o++) options.add(new Option(o, c.optionLab(o), c.segments()));
        this.segments = new ArrayList<>();
        for (int s = 0; s < c.segments(); s++) {
            double[] p = new double[labs];
            double[] q = new double[labs];
            for (int l = 0; l < labs; l++) {
                p[l] = c.awarenessPPerYear(s, l);
                q[l] = c.awarenessQPerYear(s, l);
            }
            double[][] cdf = new double[1 << labs][c.options() + 1];
            for (int mask = 0; mask < cdf.length; mask++) {
                double acc = c.choiceProbability(s, mask, -1);
                cdf[mask][0] = acc;
                for (int o = 0; o < c.options(); o++) cdf[mask][1 + o] = acc += c.choiceProbability(s, mask, o);
            }
            Segment segment = new Segment(p, q, cdf, c.reconsiderPerMonth(s));
            segment.index = s;
            segments.add(segment);
        }
        this.agents = new ArrayList<>(pop.users());
        for (int i = 0; i < pop.users(); i++) {
            boolean[] aware = new boolean[labs];
            for (int l = 0; l < labs; l++) aware[l] = pop.isAware(i, l);
            int o = pop.option(i);
            Segment segment = segments.get(pop.segment(i));
            segment.size++;
            agents.add(new Agent(segment, pop.usageTokensPerMonth(i), aware, o < 0 ? null : options.get(o)));
            if (o >= 0) segment.usersByLab[c.optionLab(o)]++;
        }
        this.random = new SplittableRandom(seed);
    }

    /** One month: hazards from last month's users in each segment, then step every agent, then advance every agent. */
    void step() {
        for (Segment s : segments) {
            for (int l = 0; l < labs; l++) {
                double x = s.size == 0 ? 0 : (double) s.usersByLab[l] / s.size;
                double h = -Math.expm1(-(s.awarenessP[l] + s.awarenessQ[l] * x) * dtYears);
                s.hazardThreshold[l] = Math.round(h * (double) (1L << 32));
            }
        }
        for (Option o : options) {
            java.util.Arrays.fill(o.usersBySegment, 0);
            java.util.Arrays.fill(o.tokensBySegment, 0);
        }
        for (Agent a : agents) a.step(this);
        for (Agent a : agents) a.advance();
        for (Segment s : segments) {
            java.util.Arrays.fill(s.usersByLab, 0);
            for (Option o : options) s.usersByLab[o.lab] += o.usersBySegment[s.index];
        }
    }

    /** Logit draw by the segment's cumulative table for the agent's awareness pattern (as the array kernel). */
    Option choose(Agent agent, double u) {
        int mask = 0;
        for (int l = 0; l < labs; l++) if (agent.aware[l]) mask |= 1 << l;
        if (mask == 0) return null;
        double[] cdf = agent.segment.choiceCdf[mask];
        if (u < cdf[0]) return null;
        Option last = null;
        for (Option o : options) {
            if (!agent.aware[o.lab]) continue;
            last = o;
            if (u < cdf[1 + o.index]) return o;
        }
        return last;
    }

    /** Total tokens of the last month (a result the JIT cannot discard). */
    double tokens() {
        double t = 0;
        for (Option o : options) for (double x : o.tokensBySegment) t += x;
        return t;
    }

    /** Puts the starting state back (awareness and options), from the array population's snapshot. */
    void restore(Population.Snapshot s) {
        for (Segment g : segments) java.util.Arrays.fill(g.usersByLab, 0);
        for (int i = 0; i < agents.size(); i++) {
            Agent a = agents.get(i);
            for (int l = 0; l < labs; l++) a.aware[l] = (s.awareLabs()[i] >>> l & 1) != 0;
            int o = s.option()[i];
            a.option = o < 0 ? null : options.get(o);
            if (o >= 0) a.segment.usersByLab[options.get(o).lab]++;
        }
    }
}
