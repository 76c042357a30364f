package owsim.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last results of runs and claims by their exact input (the command line and the posted
 * scenario): the same input gives the same bytes, so a slider moved back, a shared link or many
 * clients on the default world are answered without running again. A dropped entry's run files are deleted.
 */
final class ResultCache {
    /** A cached answer: the run whose files it wrote (or will write when asked: {@code files}), and what the command printed. */
    record Entry(String runId, String stdout, LazyFiles files) {
        Entry(String runId, String stdout) {
            this(runId, stdout, null);
        }
    }

    private final int capacity;
    private final Consumer<String> dropRun;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** The same entries by run id, for a download of a run's files. */
    private final Map<String, Entry> byRun = new HashMap<>();

    ResultCache(int capacity, Consumer<String> dropRun) {
        this.capacity = capacity;
        this.dropRun = dropRun;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    /** The cached entry of this run, or null (not a cached run, or dropped). Does not count as a use. */
    synchronized Entry ofRun(String runId) {
        return byRun.get(runId);
    }

    synchronized void put(String key, Entry e) {
        Entry old = entries.put(key, e);
        byRun.put(e.runId(), e);
        if (old != null && !old.runId().equals(e.runId())) drop(old);
        while (entries.size() > capacity) {
            Map.Entry<String, Entry> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
            drop(eldest.getValue());
        }
    }

    private void drop(Entry e) {
        byRun.remove(e.runId());
        dropRun.accept(e.runId());
    }
}
