/**
 * The serving engine: memory, placement, roofline throughput and cost per token of catalog models
 * on catalog accelerators, and the subscriber and self-hosting economics built on them.
 * Entry point: {@link owsim.serving.ServingEngine} with a {@link owsim.serving.ServeRequest};
 * calibration and cost assumptions in {@link owsim.serving.ServingDefaults}; method and
 * validation in docs/SERVING.md.
 */
package owsim.serving;
