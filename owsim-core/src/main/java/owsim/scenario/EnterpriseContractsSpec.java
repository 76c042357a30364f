package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Firms' seat-based business plans (mechanism {@code enterpriseContracts}): firms buy seats of a
 * lab's assistant for their staff under contracts of {@code termMonths}, at the lab's price per
 * seat-month. The seats bought by all firms from the listed labs follow a logistic curve from the
 * labs' initial seats (early growth {@code seatGrowthPerYear}, ceiling {@code maxSeats}). A contract
 * is chosen again only at its renewal, among the labs whose newest frontier model has passed the
 * firms' procurement ({@code procurementLagMonths}), by a logit over capability, the lab's brand, its
 * premium (compliance, admin controls, staff's familiarity) and its seat price, the incumbent lab
 * keeping {@code switchingCostUtils}. Read only when the switch is on; a lab not listed sells no
 * seats. docs/MODEL.md, "Enterprise contracts".
 *
 * @param termMonths months a contract lasts before it is renewed or moved (1..60)
 * @param seatGrowthPerYear the early growth of all firms' seats, factor/year (1..20)
 * @param maxSeats the ceiling of all firms' seats, seats (0..1e10); at least the labs' initial seats
 * @param capabilityWeightPerDecade utils per 10x effective compute of a lab's model (0..10)
 * @param priceWeightPerUsd utils per USD/seat-month of a lab's price (0..1)
 * @param switchingCostUtils utils a firm gives its incumbent lab at renewal (0..20)
 * @param procurementLagMonths months after a model's release before firms may contract for it (0..36)
 * @param labs the labs selling seats, by lab id
 */
public record EnterpriseContractsSpec(int termMonths, double seatGrowthPerYear, double maxSeats, double capabilityWeightPerDecade,
                                      double priceWeightPerUsd, double switchingCostUtils, int procurementLagMonths, Map<String, Lab> labs) {
    public EnterpriseContractsSpec {
        range("termMonths", termMonths, 1, 60);
        range("seatGrowthPerYear", seatGrowthPerYear, 1, 20);
        range("maxSeats", maxSeats, 0, 1e10);
        range("capabilityWeightPerDecade", capabilityWeightPerDecade, 0, 10);
        range("priceWeightPerUsd", priceWeightPerUsd, 0, 1);
        range("switchingCostUtils", switchingCostUtils, 0, 20);
        range("procurementLagMonths", procurementLagMonths, 0, EnterpriseSpec.MAX_LAG_MONTHS);
        labs = labs == null ? Map.of() : nonNullValues("labs", labs);
        labs = Collections.unmodifiableMap(new LinkedHashMap<>(labs));
        double initial = initialSeats(labs);
        if (maxSeats < initial) {
            throw new IllegalArgumentException("maxSeats: must be at least the labs' initial seats (" + initial + "), was " + maxSeats);
        }
    }

    /**
     * One lab's business plans.
     *
     * @param usdPerSeatMonth the price of a seat, USD/seat-month (0..10000)
     * @param initialSeats seats under contract with the lab at the run's start, seats (0..1e10)
     * @param premiumUtils utility firms give the lab beyond its brand: its compliance certifications, data residency,
     *     admin controls and their staff's familiarity with its assistant, utils (-20..20)
     * @param servingUsdPerSeatMonth what serving a seat costs the lab, USD/seat-month (0..10000)
     */
    public record Lab(double usdPerSeatMonth, double initialSeats, double premiumUtils, double servingUsdPerSeatMonth) {
        public Lab {
            range("usdPerSeatMonth", usdPerSeatMonth, 0, 10000);
            range("initialSeats", initialSeats, 0, 1e10);
            range("premiumUtils", premiumUtils, -20, 20);
            range("servingUsdPerSeatMonth", servingUsdPerSeatMonth, 0, 10000);
        }
    }

    private static double initialSeats(Map<String, Lab> labs) {
        double s = 0;
        for (Lab l : labs.values()) s += l.initialSeats();
        return s;
    }

    /** The seats all listed labs hold at the run's start. */
    public double initialSeats() {
        return initialSeats(labs);
    }

    /**
     * All firms' seats in month {@code month} of the run (0 the first): the logistic curve
     * {@code maxSeats / (1 + (maxSeats / s0 - 1) * seatGrowthPerYear^(-month / 12))} through the labs'
     * initial seats {@code s0} (0 when they are 0; {@code s0} when it is the ceiling).
     */
    public double seats(int month) {
        double s0 = initialSeats();
        if (!(s0 > 0)) return 0;
        return maxSeats / (1 + (maxSeats / s0 - 1) * Math.pow(seatGrowthPerYear, -month / 12.0));
    }

    /** This section for a scenario with these labs: the labs that are gone sell no seats. */
    public EnterpriseContractsSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(labs.keySet())) return this;
        return new EnterpriseContractsSpec(termMonths, seatGrowthPerYear, maxSeats, capabilityWeightPerDecade, priceWeightPerUsd,
            switchingCostUtils, procurementLagMonths, LabKeys.only(labs, labIds));
    }
}
