package owsim.scenario;

import static owsim.io.Check.range;

/**
 * A segment of firms that buy models the way large enterprises do (mechanism {@code enterprise}):
 * a model passes security review and procurement before the segment may adopt it, and a lab's own
 * API carries what firms pay for beyond the model (indemnity, service levels, compliance
 * certifications, support). docs/MODEL.md, "Enterprise procurement", gives the sources.
 *
 * @param procurementLagMonths months after a model's release before the segment may adopt it through any
 *     option (the lab's plans and API, a host of its open weights, or self-hosting them), 0 to 36
 * @param labApiPremiumUtils utility the segment gives a lab's own API over hosted or self-hosted open
 *     weights, utils, 0 to 20
 */
public record EnterpriseSpec(int procurementLagMonths, double labApiPremiumUtils) {
    /** The longest lag a scenario may give, months: three years, beyond any survey's approval times. */
    public static final int MAX_LAG_MONTHS = 36;

    public EnterpriseSpec {
        range("procurementLagMonths", procurementLagMonths, 0, MAX_LAG_MONTHS);
        range("labApiPremiumUtils", labApiPremiumUtils, 0, 20);
    }
}
