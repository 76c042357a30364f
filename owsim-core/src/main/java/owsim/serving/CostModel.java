package owsim.serving;

import owsim.catalog.AcceleratorSpec;

/**
 * Cost of a busy deployment-second. Rented: $/device-hour x devices / utilization (idle time is
 * paid for). Owned: purchase amortised over the years, plus hosting, both spread over busy time,
 * plus power at TDP x PUE x electricity price while busy. A device at home (a GeForce card, a
 * Mac) pays no hosting: it sits on a desk, not in a rented rack. A device that is not sold (a
 * TPU) is owned at its rent, the only price anyone pays for it.
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
        if (!hw.purchasable()) return rentedUsdPerBusySecond(hw, gpus, utilization);
        double fixedPerSecond = hw.purchaseUsd() / (d.amortisationYears() * SECONDS_PER_YEAR)
            + hostingUsdPerDeviceMonth(hw) / SECONDS_PER_MONTH;
        double powerPerSecond = hw.powerWatts() * d.pue() * d.usdPerKWh() / 3.6e6;
        return gpus * (fixedPerSecond / utilization + powerPerSecond);
    }

    /** Running cost per month of owned devices (hosting, and power at the utilization), amortisation excluded. */
    double ownedMonthlyUsd(AcceleratorSpec hw, int gpus, double utilization) {
        double powerPerMonth = hw.powerWatts() * d.pue() * d.usdPerKWh() / 3.6e6 * SECONDS_PER_MONTH * utilization;
        return gpus * (hostingUsdPerDeviceMonth(hw) + powerPerMonth);
    }

    /** Colocation per device-month: none for a device at home. */
    double hostingUsdPerDeviceMonth(AcceleratorSpec hw) {
        return hw.atHome() ? 0 : d.hostingUsdPerDeviceMonth();
    }
}
