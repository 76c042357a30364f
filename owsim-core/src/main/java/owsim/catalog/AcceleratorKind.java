package owsim.catalog;

/** What sort of device an accelerator entry describes. */
public enum AcceleratorKind {
    /** A data-centre GPU or accelerator, usually in 8-device nodes with a fast fabric. */
    DATACENTER,
    /** A consumer graphics card (PCIe only, no NVLink). */
    CONSUMER,
    /** A system whose CPU and GPU share one large memory (Apple silicon). */
    UNIFIED,
    /** A CPU-only server: DRAM bandwidth and vector units. */
    CPU;

    @Override public String toString() { return name().toLowerCase(); }
}
