package owsim.catalog;

import static owsim.io.Check.nonNullElements;

import static owsim.io.Check.identifier;
import static owsim.io.Check.positiveAtMost;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.List;

/**
 * One accelerator (or a CPU server profile) as its datasheet gives it. Throughput figures are
 * dense (no 2:4 sparsity). A zero TFLOPS field means the format is not supported natively.
 *
 * @param memoryGB device memory in GB (10^9 bytes) usable for weights and KV cache
 * @param memoryBandwidthGBps device memory bandwidth, GB/s (10^9 bytes per second)
 * @param bf16Tflops dense BF16 tensor throughput, TFLOPS
 * @param fp8Tflops dense FP8 tensor throughput, TFLOPS (0: none)
 * @param int8Tops dense INT8 tensor throughput, TOPS (0: none)
 * @param fp4Tflops dense FP4 tensor throughput, TFLOPS (0: none)
 * @param devicesPerNode devices that share the fast fabric in one node
 * @param interconnectGBps per-device bandwidth of the intra-node fabric, GB/s one way (NVLink; PCIe for consumer cards)
 * @param networkGBps per-device bandwidth between nodes, GB/s one way (InfiniBand or Ethernet)
 * @param powerWatts board power (TDP) per device, W
 * @param purchaseUsd purchase price per device, USD (dated in sources); 0 when it is not sold (TPUs are only rented)
 * @param rentalUsdPerHour typical on-demand rental per device-hour, USD; 0 when it cannot be rented
 */
public record AcceleratorSpec(
    String id,
    String name,
    String vendor,
    AcceleratorKind kind,
    double memoryGB,
    double memoryBandwidthGBps,
    double bf16Tflops,
    double fp8Tflops,
    double int8Tops,
    double fp4Tflops,
    int devicesPerNode,
    double interconnectGBps,
    double networkGBps,
    double powerWatts,
    double purchaseUsd,
    double rentalUsdPerHour,
    List<String> sources,
    String notes) {

    public AcceleratorSpec {
        identifier("id", id);
        if (name == null) name = id;
        required("kind", kind);
        positiveAtMost("memoryGB", memoryGB, 1e5);
        positiveAtMost("memoryBandwidthGBps", memoryBandwidthGBps, 1e6);
        positiveAtMost("bf16Tflops", bf16Tflops, 1e6);
        range("fp8Tflops", fp8Tflops, 0, 1e6);
        range("int8Tops", int8Tops, 0, 1e6);
        range("fp4Tflops", fp4Tflops, 0, 1e6);
        range("devicesPerNode", devicesPerNode, 1, 1024);
        range("interconnectGBps", interconnectGBps, 0, 1e6);
        range("networkGBps", networkGBps, 0, 1e6);
        positiveAtMost("powerWatts", powerWatts, 1e6);
        range("purchaseUsd", purchaseUsd, 0, 1e8);
        range("rentalUsdPerHour", rentalUsdPerHour, 0, 1e5);
        if (purchaseUsd == 0 && rentalUsdPerHour == 0) {
            throw new IllegalArgumentException("purchaseUsd: a device that is neither sold (purchaseUsd 0) nor rented (rentalUsdPerHour 0) has no price; give at least one");
        }
        sources = sources == null ? List.of() : nonNullElements("sources", sources);
    }

    public boolean rentable() { return rentalUsdPerHour > 0; }

    /** Whether the device can be bought; one that is only rented is owned at its rent. */
    public boolean purchasable() { return purchaseUsd > 0; }

    /**
     * Whether the device sits in a home rather than a data centre (a GeForce card, a Mac): it
     * pays no colocation fee, only its power.
     */
    public boolean atHome() { return kind == AcceleratorKind.CONSUMER || kind == AcceleratorKind.UNIFIED; }

    public double memoryBytes() { return memoryGB * 1e9; }

    public double memoryBandwidthBytesPerSecond() { return memoryBandwidthGBps * 1e9; }
}
