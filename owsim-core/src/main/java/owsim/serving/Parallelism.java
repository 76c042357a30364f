package owsim.serving;

/**
 * How a deployment splits the model: tensor parallelism within a node, pipeline stages across
 * nodes, experts spread over the devices of a node (expert parallelism; 1 for a dense model).
 */
public record Parallelism(int tensor, int pipeline, int expert, int nodes) {}
