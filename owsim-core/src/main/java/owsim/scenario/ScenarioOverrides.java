package owsim.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.io.InputException;
import owsim.io.Suggest;

/**
 * Sets scenario fields by dotted path and returns a new, validated {@link Scenario}.
 *
 * <p>A path is record component names joined by {@code .}; a list element is picked by its id
 * ({@code labs[open-challenger].researchers}) or by index ({@code labs[0]}), a map entry by key
 * ({@code labs[open-challenger].initialAwareness.consumers}); a map whose values are records is
 * indexed by key like a list by id ({@code parentApps.labs.us-open.engagementShare}), a map whose
 * values are lists of numbers by key and index ({@code wageBids.fixedSchedules.us-open[2]}). Records are rebuilt through their
 * canonical constructors, so every value is validated exactly as if it had been read from YAML.
 * Reflection lookups are cached per instance; an instance is thread-safe.
 */
public final class ScenarioOverrides {
    // ClassValue: a lock-free per-class cache, so runs on many threads do not contend for it.
    private final ClassValue<RecordInfo> infos = new ClassValue<>() {
        @Override protected RecordInfo computeValue(Class<?> t) {
            return describe(t);
        }
    };

    /** Overrides with an empty reflection cache. */
    public ScenarioOverrides() {}

    /** Component names, accessors and canonical constructor of one record class. */
    private record RecordInfo(RecordComponent[] components, List<String> names, Constructor<?> constructor) {
        int index(String name) { return names.indexOf(name); }
    }

    /** One step of a parsed path: a component name and an optional selector in brackets. */
    private record Step(String name, String selector) {}

    /**
     * The scenario with each path set to its value (strings for text fields such as a policy):
     * see {@link #apply(Scenario, String[], double[])}.
     */
    public Scenario apply(Scenario base, Map<String, ?> values) {
        List<Assignment> all = new ArrayList<>(values.size());
        for (Map.Entry<String, ?> e : values.entrySet()) all.add(new Assignment(parse(e.getKey()), e.getKey(), e.getValue()));
        return applyTogether(base, all);
    }

    /**
     * The scenario with each {@code paths[k]} set to {@code values[k]}, every record on the way
     * rebuilt once and the result validated as a whole (as if read from YAML). Setting the 20
     * parameters of an experiment one path at a time rebuilt the scenario 20 times, about 2% of
     * a run. If the whole fails validation, the paths are applied one at a time so that the error
     * names the first path that makes the scenario invalid.
     */
    public Scenario apply(Scenario base, String[] paths, double[] values) {
        List<Assignment> all = new ArrayList<>(paths.length);
        for (int k = 0; k < paths.length; k++) all.add(new Assignment(parse(paths[k]), paths[k], values[k]));
        return applyTogether(base, all);
    }

    /** The scenario with the field at {@code path} set to {@code value} (a Number, Boolean or String). */
    public Scenario apply(Scenario base, String path, Object value) {
        return applyAll(base, List.of(new Assignment(parse(path), path, value)));
    }

    private Scenario applyTogether(Scenario base, List<Assignment> all) {
        try {
            return applyAll(base, all);
        } catch (InputException e) {
            Scenario s = base;
            for (Assignment a : all) s = applyAll(s, List.of(a));
            throw e; // not reached: the last path makes the same scenario, which fails as above
        }
    }

    private Scenario applyAll(Scenario base, List<Assignment> all) {
        try {
            return (Scenario) setAll(withLabsWhosePolicyIsSet(base, all), Scenario.class, all, 0);
        } catch (IllegalArgumentException e) {
            throw InputException.ofField(all.get(0).path, e.getMessage());
        }
    }

    /**
     * The base with the release policies the assignments set, through {@link Scenario#withLabs}: a lab whose policy is
     * set to another holds it for the run and leaves {@code releaseDecisions}, as a lab whose policy an experiment
     * changes does, where its menu would refuse a policy outside it.
     */
    private static Scenario withLabsWhosePolicyIsSet(Scenario base, List<Assignment> all) {
        if (base.releaseDecisions() == null) return base;
        List<LabSpec> labs = new ArrayList<>(base.labs());
        boolean changed = false;
        for (Assignment a : all) {
            if (a.steps.size() != 2 || !a.steps.get(0).name.equals("labs") || !a.steps.get(1).name.equals("policy")) continue;
            String selector = a.steps.get(0).selector;
            if (selector == null) continue;
            int i = !selector.isEmpty() && selector.chars().allMatch(Character::isDigit) ? Integer.parseInt(selector) : base.labIndex(selector);
            if (i < 0 || i >= labs.size()) continue; // setAll names the unknown lab
            String policy = String.valueOf(a.value);
            if (labs.get(i).policy().equals(policy)) continue;
            labs.set(i, labs.get(i).withPolicy(policy));
            changed = true;
        }
        return changed ? base.withLabs(labs) : base;
    }

    /** One path and its value. */
    private record Assignment(List<Step> steps, String path, Object value) {}

    /**
     * Record {@code rec} of {@code type} with the assignments (whose steps from {@code depth} on lie
     * in it) applied, rebuilt once, grouped by component and by list element. Later assignments to
     * the same field win, as one at a time.
     */
    private Object setAll(Object rec, Class<?> type, List<Assignment> group, int depth) {
        Assignment first = group.get(0);
        if (rec == null) throw InputException.ofField(first.path, "'" + prefix(first.steps, depth) + "' is absent in the base scenario, so it has no fields to set");
        if (!type.isRecord()) throw InputException.ofField(first.path, "'" + prefix(first.steps, depth) + "' is a value, not a section");
        RecordInfo info = info(type);
        Object[] args = new Object[info.components.length];
        for (int k = 0; k < args.length; k++) args[k] = get(info.components[k], rec);
        Map<Integer, List<Assignment>> byComponent = new LinkedHashMap<>();
        for (Assignment a : group) {
            int c = component(info, a.steps.get(depth).name, a.steps, depth, a.path);
            byComponent.computeIfAbsent(c, k -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<Integer, List<Assignment>> e : byComponent.entrySet()) {
            RecordComponent rc = info.components[e.getKey()];
            args[e.getKey()] = rc.getType() == List.class ? setInList((List<?>) args[e.getKey()], rc, e.getValue(), depth)
                : rc.getType() == Map.class ? setInMap((Map<?, ?>) args[e.getKey()], rc, e.getValue(), depth)
                : setValue(args[e.getKey()], rc, e.getValue(), depth);
        }
        return construct(info, type, args, first.path);
    }

    private List<Object> setInList(List<?> list, RecordComponent rc, List<Assignment> group, int depth) {
        Map<Integer, List<Assignment>> byElement = new LinkedHashMap<>();
        for (Assignment a : group) {
            Step st = a.steps.get(depth);
            if (st.selector == null) throw InputException.ofField(a.path, "'" + st.name + "' is a list: pick an element as " + st.name + "[id]; ids: " + ids(list));
            int at = index(list, st, a.path);
            if (depth == a.steps.size() - 1) throw InputException.ofField(a.path, "'" + a.path + "' is a whole list element; name one of its fields");
            byElement.computeIfAbsent(at, k -> new ArrayList<>()).add(a);
        }
        List<Object> copy = new ArrayList<>(list);
        for (Map.Entry<Integer, List<Assignment>> e : byElement.entrySet()) {
            copy.set(e.getKey(), setAll(list.get(e.getKey()), elementType(rc.getGenericType()), e.getValue(), depth + 1));
        }
        return copy;
    }

    /**
     * A map component: an entry whose value is a number, boolean or text is set (or added) at
     * {@code map.KEY}; an entry whose value is a record (such as {@code parentApps.labs}) is a
     * section reached at {@code map.KEY.field}, like a list element by id, and rebuilt once; an
     * entry whose value is a list of numbers (a {@code fixedSchedules} schedule) has its values at
     * {@code map.KEY[i]}. Record and list entries must exist in the base scenario.
     */
    private Map<Object, Object> setInMap(Map<?, ?> map, RecordComponent rc, List<Assignment> group, int depth) {
        Map<Object, Object> copy = new LinkedHashMap<>(map);
        Type vt = valueType(rc);
        Map<Object, List<Assignment>> byEntry = new LinkedHashMap<>();
        for (Assignment a : group) {
            Object k = mapKey(map, rc, vt, a.steps, depth, a.path);
            if (vt instanceof Class<?> c && c.isRecord()) {
                byEntry.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
            } else if (isList(vt)) {
                List<Object> periods = new ArrayList<>((List<?>) copy.get(k));
                periods.set(listIndex(periods, a.steps.get(depth + 1), a.path), convert(elementType(vt), a.value, a.path));
                copy.put(k, periods);
            } else {
                copy.put(k, convert((Class<?>) vt, a.value, a.path));
            }
        }
        for (Map.Entry<Object, List<Assignment>> e : byEntry.entrySet()) {
            copy.put(e.getKey(), setAll(map.get(e.getKey()), (Class<?>) vt, e.getValue(), depth + 2));
        }
        return copy;
    }

    /**
     * The key of map component {@code rc} (with value type {@code vt}) that {@code steps} name at
     * {@code depth + 1}, after checking that the path has the shape that value type allows: for
     * record values an existing key and a field after it, for list values an existing key and an
     * index, for single values one key and nothing after it.
     */
    private Object mapKey(Map<?, ?> map, RecordComponent rc, Type vt, List<Step> steps, int depth, String path) {
        Step st = steps.get(depth);
        String at = prefix(steps, depth + 1);
        if (vt instanceof Class<?> c && c.isRecord()) {
            if (st.selector != null || depth + 2 >= steps.size() || steps.get(depth + 1).selector != null) {
                throw InputException.ofField(path, "'" + at + "' is a map of sections: name a key and one of its fields, e.g. " + at + ".KEY."
                    + info(c).names.get(0) + "; keys: " + keys(map) + "; fields: " + String.join(", ", info(c).names));
            }
            return existingKey(map, steps.get(depth + 1).name, at, path);
        }
        if (isList(vt)) {
            if (st.selector != null || depth + 2 != steps.size() || steps.get(depth + 1).selector == null) {
                throw InputException.ofField(path, "'" + at + "' is a map of lists: name a key and an index, e.g. " + at + ".KEY[0]; keys: " + keys(map));
            }
            return existingKey(map, steps.get(depth + 1).name, at, path);
        }
        if (st.selector != null || depth + 2 != steps.size() || steps.get(depth + 1).selector != null) {
            throw InputException.ofField(path, "'" + st.name + "' is a map: give one key after it, e.g. " + at + ".KEY");
        }
        return key(rc, steps.get(depth + 1).name, path);
    }

    /** The key of {@code map} written {@code name}; an unknown key names the map, the nearest key and all keys. */
    private static Object existingKey(Map<?, ?> map, String name, String at, String path) {
        List<String> names = new ArrayList<>();
        for (Object k : map.keySet()) {
            if (String.valueOf(k).equals(name)) return k;
            names.add(String.valueOf(k));
        }
        List<String> near = Suggest.closest(name, names, 1);
        throw InputException.ofField(path, "no key '" + name + "' in '" + at + "'"
            + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?")
            + (names.isEmpty() ? "; the map is empty in the base scenario" : " keys: " + String.join(", ", names)));
    }

    private static String keys(Map<?, ?> map) {
        List<String> names = new ArrayList<>();
        for (Object k : map.keySet()) names.add(String.valueOf(k));
        return names.isEmpty() ? "(none in the base scenario)" : String.join(", ", names);
    }

    /** The position {@code st}'s selector names in a list of values; errors give the list's size. */
    private static int listIndex(List<?> list, Step st, String path) {
        if (st.selector.matches("\\d{1,9}")) {
            int k = Integer.parseInt(st.selector);
            if (k < list.size()) return k;
        }
        throw InputException.ofField(path, st.name + "[" + st.selector + "]: no such index; the list has " + list.size()
            + " value" + (list.size() == 1 ? "" : "s") + ", indices 0 to " + (list.size() - 1));
    }

    private static Type valueType(RecordComponent rc) {
        return ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[1];
    }

    private static boolean isList(Type t) {
        return t instanceof ParameterizedType p && p.getRawType() == List.class;
    }

    /**
     * The map key written {@code name}: an enum constant for an enum-keyed map (such as
     * {@code optionUtility}, keyed by option kind), so that the entry is replaced rather than a
     * second entry with a text key added beside it, which the model would never read.
     */
    private static Object key(RecordComponent rc, String name, String path) {
        Type kt = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
        if (kt instanceof Class<?> c && c.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object k : c.getEnumConstants()) {
                if (k.toString().equals(name)) return k;
                names.add(k.toString());
            }
            throw InputException.ofField(path, "unknown key '" + name + "' in '" + rc.getName() + "'; allowed: " + String.join(", ", names));
        }
        return name;
    }

    /** A value or section component: the last assignment ending here sets it; those going deeper rebuild it once. */
    private Object setValue(Object current, RecordComponent rc, List<Assignment> group, int depth) {
        Object value = current;
        List<Assignment> deeper = new ArrayList<>();
        for (Assignment a : group) {
            Step st = a.steps.get(depth);
            if (st.selector != null) throw InputException.ofField(a.path, "'" + st.name + "' is not a list");
            if (depth == a.steps.size() - 1) value = convert(rc.getType(), a.value, a.path);
            else deeper.add(a);
        }
        return deeper.isEmpty() ? value : setAll(value, rc.getType(), deeper, depth + 1);
    }

    /** Checks that a path names a settable number, boolean or text field of the scenario; throws otherwise. */
    public void check(Scenario base, String path) {
        walk(base, path);
    }

    /**
     * The value the field at {@code path} has in {@code base} (a Number, Boolean, String or enum;
     * null for an absent map entry), after the checks of {@link #check}: what a calibration reports
     * as the scenario's own value beside a fitted one.
     */
    public Object value(Scenario base, String path) {
        return walk(base, path);
    }

    private Object walk(Scenario base, String path) {
        List<Step> steps = parse(path);
        Object cur = base;
        Class<?> type = Scenario.class;
        for (int i = 0; i < steps.size(); i++) {
            Step st = steps.get(i);
            if (cur == null) throw InputException.ofField(path, "'" + prefix(steps, i) + "' is absent in the base scenario, so it has no fields to set");
            if (!type.isRecord()) throw InputException.ofField(path, "'" + prefix(steps, i) + "' is a value, not a section");
            RecordInfo info = info(type);
            int c = component(info, st.name, steps, i, path);
            RecordComponent rc = info.components[c];
            Object v = get(rc, cur);
            if (rc.getType() == List.class) {
                if (st.selector == null) throw InputException.ofField(path, "'" + st.name + "' is a list: pick an element as " + st.name + "[id]; ids: " + ids(v));
                cur = element((List<?>) v, st, path);
                type = elementType(rc.getGenericType());
            } else if (rc.getType() == Map.class) {
                Map<?, ?> map = v == null ? Map.of() : (Map<?, ?>) v;
                Type vt = valueType(rc);
                Object k = mapKey(map, rc, vt, steps, i, path);
                if (vt instanceof Class<?> vc && vc.isRecord()) {
                    cur = map.get(k);
                    type = vc;
                    i++; // the key
                } else if (isList(vt)) {
                    List<?> periods = (List<?>) map.get(k);
                    return periods.get(listIndex(periods, steps.get(i + 1), path));
                } else {
                    return v == null ? null : entry(map, steps.get(i + 1).name);
                }
            } else {
                if (st.selector != null) throw InputException.ofField(path, "'" + st.name + "' is not a list");
                cur = v;
                type = rc.getType();
            }
        }
        if (type.isRecord()) {
            throw InputException.ofField(path, "'" + path + "' is a section; name one of its fields: " + String.join(", ", info(type).names));
        }
        if (type == List.class) throw InputException.ofField(path, "'" + path + "' is a list; only single values can be set");
        if (!(type == double.class || type == int.class || type == long.class || type == boolean.class || type == String.class
            || type == Double.class || type == Integer.class || type == Long.class || type == Boolean.class || type.isEnum())) {
            throw InputException.ofField(path, "'" + path + "' has type " + type.getSimpleName() + ", which cannot be set from an experiment");
        }
        return cur;
    }

    /** The value under the key written {@code key} (keys may be enums that print as their YAML name), or null. */
    private static Object entry(Map<?, ?> map, String key) {
        for (Map.Entry<?, ?> e : map.entrySet()) if (String.valueOf(e.getKey()).equals(key)) return e.getValue();
        return null;
    }

    /** A record from its components through its canonical constructor, which validates them; errors name {@code path}. */
    private static Object construct(RecordInfo info, Class<?> type, Object[] args, String path) {
        try {
            return info.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof InputException ie) throw ie;
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException) throw InputException.ofField(path, String.valueOf(t.getMessage()));
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " for " + path, t);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " for " + path, e);
        }
    }

    private static Object convert(Class<?> t, Object value, String path) {
        if (t == double.class || t == Double.class) return toNumber(value, path).doubleValue();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            double d = toNumber(value, path).doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) throw InputException.ofField(path, "must be a whole number, was " + d);
            boolean isInt = t == int.class || t == Integer.class;
            // Beyond the type's range the cast would saturate (long) or throw without the path (int).
            if (isInt ? d < Integer.MIN_VALUE || d > Integer.MAX_VALUE : d < -0x1p63 || d >= 0x1p63) {
                throw InputException.ofField(path, "must be a whole number from " + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)
                    + " to " + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE) + ", was " + d);
            }
            return isInt ? (Object) (int) d : (Object) (long) d;
        }
        if (t == boolean.class || t == Boolean.class) {
            if (value instanceof Boolean b) return b;
            if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) return n.doubleValue() == 1;
            if (value instanceof String s && (s.equals("true") || s.equals("false"))) return Boolean.parseBoolean(s);
            throw InputException.ofField(path, "must be true/false (or 1/0), was " + value);
        }
        if (t == String.class) return String.valueOf(value);
        if (t.isEnum()) {
            for (Object o : t.getEnumConstants()) if (((Enum<?>) o).name().equalsIgnoreCase(String.valueOf(value))) return o;
            throw InputException.ofField(path, "unknown value '" + value + "'");
        }
        throw InputException.ofField(path, "has type " + t.getSimpleName() + ", which cannot be set from an experiment");
    }

    private static Number toNumber(Object value, String path) {
        if (value instanceof Number n) return n;
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw InputException.ofField(path, "must be a number, was '" + s + "'");
            }
        }
        throw InputException.ofField(path, "must be a number, was " + value);
    }

    private Object element(List<?> list, Step st, String path) {
        return list.get(index(list, st, path));
    }

    private int index(List<?> list, Step st, String path) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            String id = idOf(list.get(k));
            if (id != null) {
                ids.add(id);
                if (id.equals(st.selector)) return k;
            }
        }
        if (st.selector.matches("\\d+")) {
            int k = Integer.parseInt(st.selector);
            if (k < list.size()) return k;
            throw InputException.ofField(path, st.name + "[" + k + "]: index out of range; the list has " + list.size() + " elements");
        }
        List<String> near = Suggest.closest(st.selector, ids, 3);
        throw InputException.ofField(path, "no " + st.name + " element with id '" + st.selector + "'"
            + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?") + " ids: " + String.join(", ", ids));
    }

    private String idOf(Object o) {
        if (o == null || !o.getClass().isRecord()) return null;
        RecordInfo info = info(o.getClass());
        int c = info.index("id");
        return c >= 0 && info.components[c].getType() == String.class ? (String) get(info.components[c], o) : null;
    }

    private String ids(Object list) {
        List<String> ids = new ArrayList<>();
        if (list instanceof List<?> l) for (Object o : l) ids.add(String.valueOf(idOf(o)));
        return String.join(", ", ids);
    }

    private static int component(RecordInfo info, String name, List<Step> steps, int i, String path) {
        int c = info.index(name);
        if (c >= 0) return c;
        List<String> near = Suggest.closest(name, info.names, 1);
        String where = i == 0 ? "the scenario" : "'" + prefix(steps, i) + "'";
        throw InputException.ofField(path, "unknown key '" + name + "' in " + where
            + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?") + " Valid keys: " + String.join(", ", info.names));
    }

    private static String prefix(List<Step> steps, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) sb.append('.');
            sb.append(steps.get(k).name);
            if (steps.get(k).selector != null) sb.append('[').append(steps.get(k).selector).append(']');
        }
        return sb.toString();
    }

    private static Class<?> elementType(Type generic) {
        return (Class<?>) ((ParameterizedType) generic).getActualTypeArguments()[0];
    }

    private static Object get(RecordComponent rc, Object rec) {
        try {
            return rc.getAccessor().invoke(rec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc.getName(), e);
        }
    }

    private RecordInfo info(Class<?> type) {
        return infos.get(type);
    }

    private static RecordInfo describe(Class<?> t) {
        {
            RecordComponent[] rcs = t.getRecordComponents();
            Class<?>[] types = new Class<?>[rcs.length];
            List<String> names = new ArrayList<>();
            for (int k = 0; k < rcs.length; k++) {
                types[k] = rcs[k].getType();
                names.add(rcs[k].getName());
            }
            try {
                Constructor<?> ctor = t.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return new RecordInfo(rcs, List.copyOf(names), ctor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + t, e);
            }
        }
    }

    /** Splits {@code a.b[id].c} into steps; ids may contain dots, so brackets are read first. */
    static List<Step> parse(String path) {
        if (path == null || path.isBlank()) throw InputException.ofField("path", "must not be empty");
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            int j = i;
            while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') j++;
            String name = path.substring(i, j);
            if (name.isEmpty()) throw InputException.ofField(path, "empty name at character " + (i + 1) + " (write names joined by '.', list elements as name[id])");
            String sel = null;
            if (j < n && path.charAt(j) == '[') {
                int close = path.indexOf(']', j);
                if (close < 0) throw InputException.ofField(path, "'[' without ']'");
                sel = path.substring(j + 1, close);
                if (sel.isEmpty()) throw InputException.ofField(path, "empty [] after '" + name + "'");
                j = close + 1;
            }
            steps.add(new Step(name, sel));
            if (j < n) {
                if (path.charAt(j) != '.') throw InputException.ofField(path, "expected '.' at character " + (j + 1));
                j++;
                if (j == n) throw InputException.ofField(path, "ends with '.'");
            }
            i = j;
        }
        return steps;
    }
}
