package owsim.market;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;

/**
 * The second part of a month's choice: what each lab offers each user class (availability, price,
 * tokens, serving cost and model of every class x option), and the list of offered options the
 * choice and usage loops walk. Both engines build their offers here.
 */
final class Offers {
    private Offers() {}

    /**
     * Fills this month's offers: availability, price, tokens, serving cost and model of every
     * class x option. A lab's offers change only with its releases; between them the cost of
     * compute is all that moves, so the offers of a lab without a new release or opening are last
     * month's rescaled by this month's cost factor, and after a move of its API price the offers
     * that read the price are repriced. With usage growth the offers of a lab without such a change
     * are refreshed: the same offers, with what reads the month's tokens made again. Returns whether
     * an offer can be gone: a lab's offers were rebuilt, or a refreshed payment is no longer finite
     * (a repricing or a refresh changes no other offer's availability).
     */
    static boolean build(World w, MarketState s) {
        double cf = w.costs.costFactor(s.month);
        boolean[] stale = new boolean[w.labs];
        for (int i = 0; i < w.labs; i++) stale[i] = s.offersBuiltAt[i] != s.releaseChanges[i];
        // enterprise: a release that passes a segment's procurement this month changes the lab's offers to it.
        if (w.optionTable.distinctLags.length > 0) for (int i = 0; i < w.labs; i++) stale[i] |= Enterprise.passesThisMonth(w, s, i);
        // usageGrowth: the tokens every offer reads grow each month, so every lab's offers change.
        // A lab with no other change keeps the offers it has and refreshes what reads the tokens.
        boolean[] refresh = null;
        if (w.usageGrows()) {
            if (s.refreshOffers) {
                refresh = new boolean[w.labs];
                for (int i = 0; i < w.labs; i++) refresh[i] = !stale[i];
            }
            Arrays.fill(stale, true);
        } else {
            rescale(w, s, stale, cf); // (with every lab stale it would change nothing)
        }
        // A lab whose prices alone moved: only the offers that read them change (a full rebuild
        // would write the same doubles into the others, which the rescale above has made).
        for (int i = 0; i < w.labs; i++) {
            if (s.offersRepriced[i] && !stale[i]) reprice(w, s, i, cf);
            s.offersRepriced[i] = false;
        }
        boolean rebuilt = false;
        boolean refreshing = false;
        int[] firstFit = null;
        for (int i = 0; i < w.labs; i++) {
            if (!stale[i]) continue;
            s.offersBuiltAt[i] = s.releaseChanges[i];
            if (refresh != null && refresh[i]) {
                refreshing = true;
                s.offersRefreshed++;
                continue;
            }
            rebuilt = true;
            List<Release> open = new ArrayList<>();
            for (Release r : s.releases) if (r.lab == i && r.isOpen()) open.add(r);
            open.sort((a, b) -> Double.compare(b.capability, a.capability));
            double inShare = w.scenario.technology().inputTokenShare();
            if (firstFit == null) firstFit = new int[w.segmentTable.count * w.segmentTable.cardSizes];
            Arrays.fill(firstFit, UNKNOWN);
            for (int c = 0; c < w.classes; c++) offersOf(w, s, c, i, open, cf, inShare, firstFit);
        }
        // The refreshed labs' offers are those listed (their availability has not changed since the last listing).
        if (refreshing) rebuilt |= refresh(w, s, refresh, cf);
        if (rebuilt) listOffered(w, s);
        subscriptionCosts(w, s, cf);
        return rebuilt;
    }

    /**
     * Applies this month's cost factor to last month's offers of the labs that are not stale, as
     * {@link #offersOf} would: the same products in the same order. A lab with a payment that is
     * no longer finite becomes stale (rebuilt, without that offer).
     */
    private static void rescale(World w, MarketState s, boolean[] stale, double cf) {
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
                int o = s.offered[row + r];
                if (stale[w.optionTable.lab[o]]) continue;
                int idx = row + o;
                double base = s.offerCostBase[idx];
                int kind = w.optionTable.kindCode[o];
                if (kind <= OptionTable.API_CODE) { // the lab's own plans and API: only the serving cost scales
                    s.offerServing[idx] = s.offerTokens[idx] * (base * cf);
                } else if (kind == OptionTable.HOSTED_CODE) {
                    double serving = base * cf;
                    s.offerServing[idx] = serving;
                    s.offerPay[idx] = serving * w.hostTable.payFactor[w.optionTable.host[o]];
                } else {
                    s.offerPay[idx] = base * cf;
                }
                if (!Double.isFinite(s.offerPay[idx])) stale[w.optionTable.lab[o]] = true;
            }
        }
    }

    /**
     * Lab i's offers to class c this month: its plans and API on its frontier model, hosts and
     * self-hosting of its open models ({@code open}, most capable first). A segment with a
     * procurement lag (mechanism {@code enterprise}) is offered only the releases that have passed it.
     */
    private static void offersOf(World w, MarketState s, int c, int i, List<Release> open, double cf, double inShare, int[] firstFit) {
        int g = w.userClasses.segment[c];
        int row = c * w.options;
        UserClasses u = w.usage(s.month); // usageGrowth: this month's usage moments
        double t = u.tokens[c];
        LabSpec l = w.scenario.labs().get(i);
        int lag = w.optionTable.lagMonths[g];
        Release f = lag == 0 ? s.frontier(i) : Enterprise.frontier(s, i, lag);
        if (lag > 0) open = Enterprise.passedOpen(open, lag, s.month);
        int base = w.optionTable.base(i);
        Arrays.fill(s.offerAvailable, row + base, row + base + w.optionTable.perLab, false);
        s.offerPro[c * w.labs + i] = false;
        boolean exited = s.exited[i]; // set only by financing: an exited lab offers no services of its own
        if (f != null && !exited && w.regionTable.serviceOffered(g, i)) { // access rules: the lab's own services only where they are offered
            double perToken = w.costs.ownFleet(f).usdPerToken(l.fleetOwned());
            double cost = perToken * cf;
            boolean isOpen = f.isOpen();
            if (l.subscription() != null && w.optionTable.allows(g, OptionKind.SUBSCRIPTION)) {
                // proPlans: the plan that costs the class's users less, its fee with what its cap withholds (ProPlans).
                double tk = ProPlans.choose(w, s, c, i, overageUsdPerToken(w, s, i));
                set(w, s, c, base + OptionTable.SUB, f, ProPlans.feeUsd(w, s, c, i), tk, tk * cost, isOpen, perToken);
            }
            if (l.freeTier() != null && w.optionTable.allows(g, OptionKind.FREE)) {
                double tk = u.freeTokens(c, i);
                set(w, s, c, base + OptionTable.FREE, f, 0, tk, tk * cost, isOpen, perToken);
            }
            if (l.api() != null && w.optionTable.allows(g, OptionKind.API)) {
                // Priced at the API's own speed floor; t * (base * cf), as the monthly rescale computes it.
                double apiPerToken = w.costs.ownApiFleet(f).usdPerToken(l.fleetOwned());
                // The price is the lab's of this month (ApiPricing moves it at decision points; a move makes the lab's offers stale).
                set(w, s, c, base + OptionTable.API, f, t * s.apiUsdPerToken[i], t, t * (apiPerToken * cf), isOpen, apiPerToken);
            }
        }
        if (open.isEmpty()) return;
        Release best = open.get(0);
        if (w.optionTable.allows(g, OptionKind.HOSTED)) {
            for (int h = 0; h < w.hosts; h++) {
                ServingPrices.FleetPrice fp = w.costs.hostFleet(best, h);
                if (!fp.fits()) continue;
                double rented = t * fp.rentedUsdPerToken();
                double serving = rented * cf;
                set(w, s, c, base + OptionTable.HOSTED0 + h, best, serving * w.hostTable.payFactor[h], t, serving, true, rented);
            }
        }
        if (!w.optionTable.allows(g, OptionKind.SELFHOST)) return;
        int o = w.optionTable.selfhost(i);
        int v = w.userClasses.vramIndex[c];
        if (v >= 0) {
            // The first open release (most capable first) that fits the class's card depends only on
            // the segment and card size: found once per lab and rebuild, not once per class.
            int k = g * w.segmentTable.cardSizes + v;
            if (firstFit[k] == UNKNOWN) firstFit[k] = firstFitting(w, open, g, v);
            if (firstFit[k] >= 0) {
                Release r = open.get(firstFit[k]);
                double own = t * w.costs.card(r, g, v).usdPerToken();
                set(w, s, c, o, r, own * cf, t, 0, true, own);
            }
        } else if (w.userClasses.datacenter[c]) {
            ServingPrices.FleetPrice fp = w.costs.datacenter(best, g);
            if (fp.fits()) {
                double rented = Math.max(fp.deploymentUsdPerMonth(), t * fp.rentedUsdPerToken());
                set(w, s, c, o, best, rented * cf, t, 0, true, rented);
            }
        }
    }

    /**
     * Lab i's offers after a move of a price it holds (its API price, a plan's fee or cap) and no
     * other change (its offers rescaled to this month's cost factor): the API offer's price, and
     * the subscription's plan (pro or base), fee, tokens and serving cost and the plans'
     * shortfall, all of which read those prices. Each is
     * the double {@link #offersOf} computes: the subscription's serving cost is its tokens times
     * the cost base (the release's cost per token, kept at the rebuild) times the factor, as there.
     */
    private static void reprice(World w, MarketState s, int i, double cf) {
        int base = w.optionTable.base(i);
        double overage = overageUsdPerToken(w, s, i);
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            int sub = row + base + OptionTable.SUB;
            if (s.offerAvailable[sub]) repriceSubscription(w, s, c, i, overage, cf);
            int free = row + base + OptionTable.FREE;
            if (s.offerAvailable[free]) s.offerShortfallUsd[free] = shortfallUsd(w, s, c, base + OptionTable.FREE, s.offerTokens[free], overage);
            int api = row + base + OptionTable.API;
            if (s.offerAvailable[api]) s.offerPay[api] = w.usage(s.month).tokens[c] * s.apiUsdPerToken[i];
        }
    }

    /**
     * Lab i's subscription offer to class c (which it offers) at the lab's plans' fees and caps as
     * they stand: the plan (pro or base), fee, tokens, serving cost (tokens times the offer's cost
     * base times {@code cf}) and shortfall ({@code overage}: the lab's price of a withheld token),
     * as {@link #reprice} makes it after a move of a plan. {@link PlanPricing}'s profit objective
     * prices its candidate fees with it.
     */
    static void repriceSubscription(World w, MarketState s, int c, int i, double overage, double cf) {
        int o = w.optionTable.base(i) + OptionTable.SUB;
        int sub = c * w.options + o;
        double tk = ProPlans.choose(w, s, c, i, overage);
        s.offerPay[sub] = ProPlans.feeUsd(w, s, c, i);
        s.offerTokens[sub] = tk;
        s.offerServing[sub] = tk * (s.offerCostBase[sub] * cf);
        s.offerShortfallUsd[sub] = shortfallUsd(w, s, c, o, tk, overage);
    }

    /**
     * The offers of the labs to {@code refresh} in a month of usage growth with no other change (no
     * release, opening, exit or procurement passed, and every payment finite last month): the same
     * offers, of the same releases, with what reads this month's tokens made again as
     * {@link #offersOf} makes it (the plan chosen, tokens, payment, serving cost, cost base and
     * shortfall; the same doubles, as the release's prices are kept on it). An offer whose payment
     * is no longer finite is gone, as there. Walks each class's listed offers, which are those
     * labs' offers as they stand. Returns whether an offer is gone.
     */
    private static boolean refresh(World w, MarketState s, boolean[] refresh, double cf) {
        UserClasses u = w.usage(s.month);
        double[] overage = new double[w.labs];
        for (int i = 0; i < w.labs; i++) overage[i] = overageUsdPerToken(w, s, i);
        OptionTable ot = w.optionTable;
        boolean gone = false;
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            double t = u.tokens[c];
            for (int r = 0, offered = s.offeredCount[c]; r < offered; r++) {
                int o = s.offered[row + r];
                int i = ot.lab[o];
                if (!refresh[i]) continue;
                int idx = row + o;
                double pay;
                double tokens = t;
                double serving = 0;
                double costBase = s.offerCostBase[idx];
                int slot = o - ot.base(i);
                if (slot == OptionTable.SUB) {
                    tokens = ProPlans.choose(w, s, c, i, overage[i]);
                    pay = ProPlans.feeUsd(w, s, c, i);
                    serving = tokens * (costBase * cf);
                } else if (slot == OptionTable.FREE) {
                    tokens = u.freeTokens(c, i);
                    pay = 0;
                    serving = tokens * (costBase * cf);
                } else if (slot == OptionTable.API) {
                    pay = t * s.apiUsdPerToken[i];
                    serving = t * (costBase * cf);
                } else if (ot.kindCode[o] == OptionTable.HOSTED_CODE) {
                    int h = ot.host[o];
                    costBase = t * w.costs.hostFleet(s.offerModel[idx], h).rentedUsdPerToken();
                    serving = costBase * cf;
                    pay = serving * w.hostTable.payFactor[h];
                } else { // self-hosting: on the class's card, else on rented data-centre hardware
                    int v = w.userClasses.vramIndex[c];
                    int g = w.userClasses.segment[c];
                    if (v >= 0) {
                        costBase = t * w.costs.card(s.offerModel[idx], g, v).usdPerToken();
                    } else {
                        ServingPrices.FleetPrice fp = w.costs.datacenter(s.offerModel[idx], g);
                        costBase = Math.max(fp.deploymentUsdPerMonth(), t * fp.rentedUsdPerToken());
                    }
                    pay = costBase * cf;
                }
                if (!Double.isFinite(pay)) {
                    s.offerAvailable[idx] = false;
                    s.offersBuiltAt[i] = -1; // as set(): rebuilt next month
                    gone = true;
                    continue;
                }
                s.offerShortfallUsd[idx] = shortfallUsd(w, s, c, o, tokens, overage[i]);
                s.offerPay[idx] = pay;
                s.offerTokens[idx] = tokens;
                s.offerServing[idx] = serving;
                s.offerCostBase[idx] = costBase;
            }
        }
        return gone;
    }

    /** Not yet looked for, in the per-rebuild table of first fitting releases. */
    private static final int UNKNOWN = -2;

    /** The index in {@code open} of the first release that fits segment g's card of size index v, or -1 for none. */
    private static int firstFitting(World w, List<Release> open, int g, int v) {
        for (int j = 0; j < open.size(); j++) if (w.costs.card(open.get(j), g, v).fits()) return j;
        return -1;
    }

    /**
     * Each lab's serving cost per subscription token this month, as {@link #offersOf} prices it
     * (the frontier release on the lab's fleet at the chat speed floor, times the cost factor):
     * recorded so the subscriber's cost at the cap is read from the market, not recomputed.
     */
    private static void subscriptionCosts(World w, MarketState s, double cf) {
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = w.scenario.labs().get(i);
            Release f = s.frontier(i);
            s.subscriptionUsdPerToken[i] = f == null || s.exited[i] || l.subscription() == null ? 0
                : w.costs.ownFleet(f).usdPerToken(l.fleetOwned()) * cf;
        }
    }

    /** Lists each class's options this month, ascending, for the loops that skip the rest. */
    private static void listOffered(World w, MarketState s) {
        for (int c = 0; c < w.classes; c++) {
            int row = c * w.options;
            int n = 0;
            for (int o = 1; o < w.options; o++) if (s.offerAvailable[row + o]) s.offered[row + n++] = o;
            s.offeredCount[c] = n;
        }
    }

    private static void set(World w, MarketState s, int c, int o, Release r, double pay, double tokens, double serving, boolean open, double costBase) {
        if (!Double.isFinite(pay)) {
            s.offersBuiltAt[r.lab] = -1; // not offered this month, but perhaps once compute is cheaper: rebuild next month
            return;
        }
        int idx = c * w.options + o;
        s.offerAvailable[idx] = true;
        s.offerModel[idx] = r;
        s.offerCapability[idx] = r.capability;
        s.offerShortfallUsd[idx] = shortfallUsd(w, s, c, o, tokens);
        s.offerPay[idx] = pay;
        s.offerTokens[idx] = tokens;
        s.offerServing[idx] = serving;
        s.offerOpen[idx] = open;
        s.offerCostBase[idx] = costBase;
    }

    /** Value, at the lab's API price, of the tokens a capped plan withholds from the class's users (0 for other kinds). */
    private static double shortfallUsd(World w, MarketState s, int c, int o, double offerTokens) {
        return shortfallUsd(w, s, c, o, offerTokens, overageUsdPerToken(w, s, w.optionTable.lab[o]));
    }

    /** {@link #shortfallUsd(World, MarketState, int, int, double)} with the lab's overage price given (a caller that holds it per lab). */
    private static double shortfallUsd(World w, MarketState s, int c, int o, double offerTokens, double overageUsdPerToken) {
        OptionKind k = w.optionTable.kind[o];
        if (k != OptionKind.SUBSCRIPTION && k != OptionKind.FREE) return 0;
        double missing = w.usage(s.month).tokens[c] - offerTokens;
        if (missing <= 0) return 0;
        return missing * overageUsdPerToken;
    }

    /** What a token a capped plan of lab i withholds is worth to its user this month: its API price where it has an API (the list price unless apiPricing moved it), else its plan's price per token. */
    static double overageUsdPerToken(World w, MarketState s, int i) {
        return w.scenario.labs().get(i).api() != null ? s.apiUsdPerToken[i] : w.labTable.overageUsdPerToken[i];
    }
}
