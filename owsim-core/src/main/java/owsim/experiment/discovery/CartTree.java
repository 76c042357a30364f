package owsim.experiment.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small classification tree (CART, Breiman, Friedman, Olshen and Stone 1984) on a yes/no
 * outcome: each node splits on the parameter and threshold that most reduce the Gini impurity
 * 2p(1-p) weighted by the children's sizes, thresholds halfway between consecutive distinct
 * values; growth stops at {@code maxDepth}, at a pure node, or when a child would hold fewer than
 * {@code minLeaf} points. Deterministic: ties go to the lower parameter index, then the lower threshold.
 *
 * @param root the tree
 * @param paths the parameter names, for rules
 */
public record CartTree(Node root, List<String> paths) {
    /**
     * A node: a leaf when {@code parameter} is -1; else points with value &lt;= {@code threshold}
     * go left.
     *
     * @param points points in the node
     * @param positives of which the outcome is yes
     */
    public record Node(int parameter, double threshold, Node left, Node right, int points, int positives) {
        public boolean leaf() { return parameter < 0; }

        /** Share of the node's points with outcome yes. */
        public double share() { return points == 0 ? 0 : (double) positives / points; }
    }

    /** One leaf as the conditions leading to it. */
    public record Rule(String conditions, int points, int positives) {
        public double share() { return points == 0 ? 0 : (double) positives / points; }
    }

    /**
     * Grows a tree.
     *
     * @param columns one array of n values per parameter
     * @param outcome per point
     */
    public static CartTree grow(List<String> paths, double[][] columns, boolean[] outcome, int maxDepth, int minLeaf) {
        if (columns.length != paths.size()) throw new IllegalArgumentException("one column per path is needed");
        if (maxDepth < 0) throw new IllegalArgumentException("maxDepth must be at least 0, was " + maxDepth);
        if (minLeaf < 1) throw new IllegalArgumentException("minLeaf must be at least 1, was " + minLeaf);
        for (double[] c : columns) if (c.length != outcome.length) throw new IllegalArgumentException("every column needs " + outcome.length + " values");
        int[] all = new int[outcome.length];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return new CartTree(node(columns, outcome, all, maxDepth, minLeaf), List.copyOf(paths));
    }

    private static Node node(double[][] columns, boolean[] y, int[] idx, int depth, int minLeaf) {
        int pos = 0;
        for (int i : idx) if (y[i]) pos++;
        int n = idx.length;
        if (depth == 0 || pos == 0 || pos == n || n < 2 * minLeaf) return new Node(-1, Double.NaN, null, null, n, pos);
        double parent = gini(pos, n) * n;
        double bestImpurity = parent;
        int bestParam = -1;
        double bestThreshold = Double.NaN;
        Integer[] order = new Integer[n];
        for (int j = 0; j < columns.length; j++) {
            double[] x = columns[j];
            for (int a = 0; a < n; a++) order[a] = idx[a];
            Arrays.sort(order, (p, q) -> Double.compare(x[p], x[q]));
            int leftPos = 0;
            for (int a = 0; a < n - 1; a++) {
                if (y[order[a]]) leftPos++;
                int leftN = a + 1;
                if (x[order[a]] == x[order[a + 1]]) continue;
                if (leftN < minLeaf || n - leftN < minLeaf) continue;
                double impurity = gini(leftPos, leftN) * leftN + gini(pos - leftPos, n - leftN) * (n - leftN);
                if (impurity < bestImpurity - 1e-12) {
                    bestImpurity = impurity;
                    bestParam = j;
                    bestThreshold = 0.5 * (x[order[a]] + x[order[a + 1]]);
                }
            }
        }
        if (bestParam < 0) return new Node(-1, Double.NaN, null, null, n, pos);
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int i : idx) (columns[bestParam][i] <= bestThreshold ? left : right).add(i);
        return new Node(bestParam, bestThreshold, node(columns, y, toArray(left), depth - 1, minLeaf),
            node(columns, y, toArray(right), depth - 1, minLeaf), n, pos);
    }

    private static int[] toArray(List<Integer> v) {
        int[] a = new int[v.size()];
        for (int i = 0; i < a.length; i++) a[i] = v.get(i);
        return a;
    }

    /** Gini impurity 1 - p^2 - (1-p)^2 = 2p(1-p). */
    static double gini(int pos, int n) {
        if (n == 0) return 0;
        double p = (double) pos / n;
        return 2 * p * (1 - p);
    }

    /** Whether the tree predicts yes for a point (its leaf's majority; a tie is no). */
    public boolean predict(double[] x) {
        Node c = root;
        while (!c.leaf()) c = x[c.parameter()] <= c.threshold() ? c.left() : c.right();
        return c.share() > 0.5;
    }

    /** Every leaf as the conjunction of conditions leading to it, in tree order. */
    public List<Rule> rules(java.util.function.DoubleFunction<String> number) {
        List<Rule> out = new ArrayList<>();
        collect(root, "", out, number);
        return out;
    }

    private void collect(Node node, String path, List<Rule> out, java.util.function.DoubleFunction<String> number) {
        if (node.leaf()) {
            out.add(new Rule(path.isEmpty() ? "everywhere" : path, node.points(), node.positives()));
            return;
        }
        String p = paths.get(node.parameter());
        String and = path.isEmpty() ? "" : path + " and ";
        collect(node.left(), and + p + " <= " + number.apply(node.threshold()), out, number);
        collect(node.right(), and + p + " > " + number.apply(node.threshold()), out, number);
    }

    /** Parameters the tree splits on, each once, in the order first met (breadth first). */
    public List<Integer> splitParameters() {
        List<Integer> out = new ArrayList<>();
        List<Node> level = List.of(root);
        while (!level.isEmpty()) {
            List<Node> next = new ArrayList<>();
            for (Node nd : level) {
                if (nd.leaf()) continue;
                if (!out.contains(nd.parameter())) out.add(nd.parameter());
                next.add(nd.left());
                next.add(nd.right());
            }
            level = next;
        }
        return out;
    }
}
