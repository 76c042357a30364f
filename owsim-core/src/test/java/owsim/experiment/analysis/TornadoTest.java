package owsim.experiment.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.random.Distribution;
import owsim.experiment.design.GridDesign;
import owsim.experiment.design.Parameter;
import owsim.experiment.design.SampleMatrix;
import owsim.experiment.design.TornadoDesign;

class TornadoTest {
    private static final List<Parameter> PS = List.of(
        new Parameter("price", new Distribution.Uniform(10, 30)),
        new Parameter("users", new Distribution.Uniform(1000, 3000)),
        new Parameter("cost", new Distribution.Uniform(0, 4)));

    @Test
    void barsCarryLowAndHighEffectsSortedBySwing() {
        // profit = price * users / 100 - 500 * cost: swings 400 (price), 400 (users), 2000 (cost)
        SampleMatrix m = new TornadoDesign().sample(PS, 0);
        double[] y = new double[m.runs()];
        for (int i = 0; i < y.length; i++) {
            double[] x = m.row(i);
            y[i] = x[0] * x[1] / 100 - 500 * x[2];
        }
        Tornado t = Tornado.build("profit", m, y);
        assertThat(t.baseOutput()).isCloseTo(20 * 2000 / 100.0 - 1000, within(1e-9));
        assertThat(t.bars()).extracting(TornadoBar::path).containsExactly("cost", "price", "users");
        TornadoBar cost = t.bars().get(0);
        assertThat(cost.lowValue()).isEqualTo(0);
        assertThat(cost.highValue()).isEqualTo(4);
        assertThat(cost.lowEffect()).isCloseTo(1000, within(1e-9));
        assertThat(cost.highEffect()).isCloseTo(-1000, within(1e-9));
        assertThat(cost.swing()).isCloseTo(2000, within(1e-9));
        assertThat(t.bars().get(1).swing()).isCloseTo(400, within(1e-9));
    }

    @Test
    void refusesRunsOfAnotherDesign() {
        SampleMatrix grid = new GridDesign(2).sample(PS, 0);
        assertThatThrownBy(() -> Tornado.build("profit", grid, new double[grid.runs()])).hasMessageContaining("tornado design");
    }
}
