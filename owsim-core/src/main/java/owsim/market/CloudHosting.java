package owsim.market;

import owsim.scenario.CloudHostingSpec;
import owsim.scenario.MechanismSwitch;

/**
 * Issue 15: a lab with a cloud earns from others serving its open weights: of what the third-party
 * hosts spent this month serving its models (their serving cost, booked by {@link Usage} by segment
 * and by whose weights), the share that runs on its cloud times the cloud's gross margin. It enters
 * the lab's revenue and the revenue of the segment's region the hosts served. Applied after
 * {@link Usage} and before {@link Finance}, which books the month.
 */
final class CloudHosting implements Mechanism {
    /** Whether a run of this world has a lab's cloud: the switch on and at least one lab listed (else its outputs are those without the mechanism). */
    static boolean on(World w) {
        CloudHostingSpec c = w.scenario.cloudHosting();
        return w.scenario.mechanisms().isOn(MechanismSwitch.CLOUD_HOSTING) && c != null && !c.labs().isEmpty();
    }

    @Override public void apply(World w, MarketState s) {
        if (!on(w)) return;
        CloudHostingSpec c = w.scenario.cloudHosting();
        for (int i = 0; i < w.labs; i++) {
            CloudHostingSpec.Lab cloud = c.labs().get(w.scenario.labs().get(i).id());
            if (cloud == null || s.exited[i]) continue; // an exited lab books nothing (Finance)
            double perHostUsd = cloud.usdPerHostUsd();
            double usd = 0;
            for (int g = 0; g < w.segments; g++) {
                double spent = s.segHostedServing[g * w.labs + i];
                if (!(spent > 0)) continue;
                double margin = spent * perHostUsd;
                s.segRevenue[g * w.labs + i] += margin;
                usd += margin;
            }
            s.cloudHostingRevenue[i] = usd;
            s.revenue[i] += usd;
        }
    }
}
