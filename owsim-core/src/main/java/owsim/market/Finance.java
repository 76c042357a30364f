package owsim.market;

import owsim.scenario.LabSpec;

/**
 * Claim j: revenue (users, ads on free tiers ({@link Advertising}) and harvest traffic) minus serving, training (the run in progress,
 * spread over the months between releases), salaries, marketing, harvest spend and defences;
 * cash and discounted profit. With {@code financing} on, training is what the lab can pay and
 * money raised enters cash ({@link Financing}); an exited lab books nothing (its cash is frozen).
 * With {@code trainingBudget} on, at the end of a decision month each lab sets its budget and run
 * compute growth ({@link TrainingBudget}), after the month is booked; with {@code researchCompute}
 * on too, training is the whole R&amp;D compute around the run, not the run alone.
 */
final class Finance implements Mechanism {
    @Override public void apply(World w, MarketState s) {
        double r = w.scenario.run().discountRatePerYear();
        double discount = Math.pow(1 + r, -(s.month + 1) / 12.0);
        boolean financing = Financing.on(w);
        boolean budgets = TrainingBudget.on(w);
        double rdPerFinalRun = TrainingBudget.rdComputePerFinalRunUsd(w);
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            // An exited lab offers, serves, harvests and pays nothing (Offers, Distillation), so no flow is booked: its cash is frozen.
            if (financing && s.exited[i]) continue;
            s.trainingSpend[i] = w.costs.trainingUsd(i, s.computeFlop[i], s.month) / l.releaseEveryMonths() * rdPerFinalRun;
            s.salaries[i] = s.researchers[i] * s.payUsdPerYear[i] / 12; // the offer (wageBids), else researcherUsdPerYear
            s.marketing[i] = w.scenario.mechanisms().marketing() ? l.marketingUsdPerMonth() : 0;
            s.defence[i] = l.defenceUsdPerMonth();
            if (financing) {
                s.plannedTrainingSpend[i] = s.trainingSpend[i];
                Financing.fund(w, s, i, s.servingCost[i] + s.salaries[i] + s.marketing[i] + s.harvestSpend[i] + s.defence[i]);
            }
            s.profit[i] = s.revenue[i] + s.harvestRevenue[i] - s.servingCost[i] - s.trainingSpend[i] - s.salaries[i]
                - s.marketing[i] - s.harvestSpend[i] - s.defence[i];
            s.cash[i] += s.profit[i];
            s.discountedProfit[i] += s.profit[i] * discount;
            if (financing) {
                s.cash[i] += s.raised[i];
                Financing.settle(w, s, i);
            }
            if (budgets && !s.exited[i]) {
                TrainingBudget.decide(w, s, i, s.revenue[i] + s.harvestRevenue[i],
                    s.servingCost[i] + s.salaries[i] + s.marketing[i] + s.harvestSpend[i] + s.defence[i]);
            }
            if (financing || budgets) Financing.remember(s, i, s.revenue[i] + s.harvestRevenue[i]);
        }
    }
}
