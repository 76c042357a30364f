package owsim.market;

import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * The option index of a run: option 0 is none; then, lab by lab, its subscription, free tier, API,
 * one hosted slot per host and self-hosting of its open weights. Holds each option's lab, kind,
 * host and fixed utilities, and which option kinds each segment may use. Filled once when the
 * {@link World} is built and never written after; the arrays are read as fields, not through
 * getters, because the monthly steps read them for every class and option.
 */
final class OptionTable {
    /** Option kinds per lab in index order after the lab's hosted slots. */
    static final int SUB = 0;
    static final int FREE = 1;
    static final int API = 2;
    static final int HOSTED0 = 3;
    /** {@link #kindCode} values the steps dispatch on; a lab's own options (subscription, free tier, API) are the codes up to API. */
    static final int SUBSCRIPTION_CODE = OptionKind.SUBSCRIPTION.ordinal();
    static final int API_CODE = OptionKind.API.ordinal();
    static final int HOSTED_CODE = OptionKind.HOSTED.ordinal();
    static final int SELFHOST_CODE = OptionKind.SELFHOST.ordinal();

    /** How many options there are, option 0 (none) included. */
    final int count;
    /** Options per lab: subscription, free tier, API, the hosts' slots and self-hosting. */
    final int perLab;
    /** Per option: its lab (-1 for none). */
    final int[] lab;
    /** Per option: its kind (null for none). */
    final OptionKind[] kind;
    /** Per option: its kind's ordinal (the usage step's dispatch, read for every class and option). */
    final int[] kindCode;
    /** Per option: whether what its users pay grows with their tokens (API, hosted, self-hosted; not a plan's fee or a free tier), mechanism {@code pricePerWork}. */
    final boolean[] paidByToken;
    /** Per option: its host (-1 for none and for a lab's own options). */
    final int[] host;
    /** Per segment and option, [g * count + o]: the option kind's fixed utility (read every month for every class, so kept unboxed). */
    final double[] utility;
    /** Per option: the brand utility of its host or lab (0 for none and for self-hosting). */
    final double[] brand;
    /** Per segment and option kind: whether the segment may use options of the kind. */
    private final boolean[] allowed;
    /** Per segment: its procurement lag, months (mechanism {@code enterprise}; 0 without one). */
    final int[] lagMonths;
    /** The segments' distinct procurement lags above 0, ascending (empty: no lag, the offers as before). */
    final int[] distinctLags;
    /**
     * Per option: the share of its lab's ecosystem term theta ln(1 + D) it gets (mechanism
     * {@code thirdPartyFineTunes}: 1 for hosted and self-hosted options, the lab's own share for its
     * API, plans and free tier); null when the mechanism is off or its section left out, and every
     * option gets the whole term, as before.
     */
    final double[] ecosystemShare;

    /** The options of a scenario (already split into regions). */
    OptionTable(Scenario s) {
        int labs = s.labs().size();
        int hosts = s.hosts().size();
        perLab = 4 + hosts;
        count = 1 + labs * perLab;
        lab = new int[count];
        kind = new OptionKind[count];
        host = new int[count];
        indexOptions(labs, hosts);
        kindCode = new int[count];
        for (int o = 1; o < count; o++) kindCode[o] = kind[o].ordinal();
        paidByToken = new boolean[count];
        for (int o = 1; o < count; o++) paidByToken[o] = kind[o] == OptionKind.API || kind[o] == OptionKind.HOSTED || kind[o] == OptionKind.SELFHOST;
        allowed = allowedKinds(s);
        utility = new double[s.segments().size() * count];
        brand = new double[count];
        lagMonths = Enterprise.lagMonths(s);
        distinctLags = Enterprise.distinctLags(lagMonths);
        describeOptions(s);
        ecosystemShare = ThirdPartyFineTunes.ecosystemShares(s, kind, lab);
    }

    /** Fills each option's lab, kind and host. */
    private void indexOptions(int labs, int hosts) {
        lab[0] = -1;
        host[0] = -1;
        for (int i = 0; i < labs; i++) {
            int base = 1 + i * perLab;
            for (int k = 0; k < perLab; k++) {
                lab[base + k] = i;
                host[base + k] = -1;
            }
            kind[base + SUB] = OptionKind.SUBSCRIPTION;
            kind[base + FREE] = OptionKind.FREE;
            kind[base + API] = OptionKind.API;
            for (int h = 0; h < hosts; h++) {
                kind[base + HOSTED0 + h] = OptionKind.HOSTED;
                host[base + HOSTED0 + h] = h;
            }
            kind[base + perLab - 1] = OptionKind.SELFHOST;
        }
    }

    private static boolean[] allowedKinds(Scenario s) {
        boolean[] allowed = new boolean[s.segments().size() * OptionKind.COUNT];
        for (int g = 0; g < s.segments().size(); g++) {
            for (OptionKind k : OptionKind.values()) allowed[g * OptionKind.COUNT + k.ordinal()] = s.segments().get(g).allows(k);
        }
        return allowed;
    }

    /** Each option's fixed utility per segment (with an enterprise segment's premium on a lab's API) and its brand utility. */
    private void describeOptions(Scenario s) {
        int segments = s.segments().size();
        for (int o = 1; o < count; o++) {
            for (int g = 0; g < segments; g++) {
                double u = s.segments().get(g).utilityOf(kind[o]);
                double premium = Enterprise.premium(s, g, kind[o]);
                utility[g * count + o] = premium == 0 ? u : u + premium; // without a premium the constant as before, bit for bit
            }
            brand[o] = host[o] >= 0 ? s.hosts().get(host[o]).brandUtility()
                : kind[o] == OptionKind.SELFHOST ? 0 : s.labs().get(lab[o]).brandUtility();
        }
    }

    /** Whether segment g may use options of this kind. */
    boolean allows(int g, OptionKind k) { return allowed[g * OptionKind.COUNT + k.ordinal()]; }

    /** First option index of a lab. */
    int base(int lab) { return 1 + lab * perLab; }

    /** The selfhost option of a lab. */
    int selfhost(int lab) { return base(lab) + perLab - 1; }
}
