package owsim.serving;

import java.util.List;

/** The options for serving a model at a monthly token volume, cheapest feasible first. */
public record SelfHostOptions(String model, double tokensPerMonth, double outputShare, List<SelfHostOption> options) {
    public SelfHostOptions {
        options = List.copyOf(options);
    }
}
