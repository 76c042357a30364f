package owsim.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The last results of runs and claims by their exact input (the command line and the posted
 * scenario): the same input gives the same bytes, so a slider moved back, a shared link or many
 * clients on the default world are answered without running again. A dropped entry's run files are deleted.
 */
final class ResultCache {
    /** A cached answer: the run whose files it wrote, and what the command printed. */
    record Entry(String runId, String stdout) {}

    private final int capacity;
    private final Consumer<String> dropRun;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    ResultCache(int capacity, Consumer<String> dropRun) {
        this.capacity = capacity;
        this.dropRun = dropRun;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, Entry e) {
        Entry old = entries.put(key, e);
        if (old != null && !old.runId().equals(e.runId())) dropRun.accept(old.runId());
        while (entries.size() > capacity) {
            Map.Entry<String, Entry> eldest = entries.entrySet().iterator().next();
            entries.remove(eldest.getKey());
            dropRun.accept(eldest.getValue().runId());
        }
    }
}
