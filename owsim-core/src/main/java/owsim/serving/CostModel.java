package owsim.serving;

import owsim.catalog.AcceleratorSpec;

/**
 * Cost of a busy deployment-second. Rented: $/device-hour x devices / utilization (idle time is
 * paid for). Owned: purchase amortised over the years, plus hosting, both spread over busy time,
 * plus power at TDP x PUE x electricity price while busy.
 */
final class CostModel {
    static final double SECONDS_PER_YEAR = 365.25 * 86400;
    static final double SECONDS_PER_MONTH = SECONDS_PER_YEAR / 12;

    private final ServingDefaults d;

    CostModel(ServingDefaults defaults) { this.d = defaults; }

    /** USD per busy second of a rented deployment; NaN when the hardware cannot be rented. */
    double rentedUsdPerBusySecond(AcceleratorSpec hw, int gpus, double utilization) {
        if (!hw.rentable()) return Double.NaN;
        return gpus * hw.rentalUsdPerHour() / 3600 / utilization;
    }

    /** USD per busy second of an owned deployment. */
    double ownedUsdPerBusySecond(AcceleratorSpec hw, int gpus, double utilization) {
        double fixedPerSecond = hw.purchaseUsd() / (d.amortisationYears() * SECONDS_PER_YEAR)
            + d.hostingUsdPerDeviceMonth() / SECONDS_PER_MONTH;
        double powerPerSecond = hw.powerWatts() * d.pue() * d.usdPerKWh() / 3.6e6;
        return gpus * (fixedPerSecond / utilization + powerPerSecond);
    }

    /** Running cost per month of owned devices (hosting, and power at the utilization), amortisation excluded. */
    double ownedMonthlyUsd(AcceleratorSpec hw, int gpus, double utilization) {
        double powerPerMonth = hw.powerWatts() * d.pue() * d.usdPerKWh() / 3.6e6 * SECONDS_PER_MONTH * utilization;
        return gpus * (d.hostingUsdPerDeviceMonth() + powerPerMonth);
    }
}
