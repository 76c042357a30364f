package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LastValueCacheTest {
    @Test
    void givesTheFunctionsOwnValueAndComputesOnlyForANewArgumentInASlot() {
        AtomicInteger calls = new AtomicInteger();
        LastValueCache log = new LastValueCache(2, x -> {
            calls.incrementAndGet();
            return Math.log(x);
        });
        assertThat(log.apply(0, 3.5)).isEqualTo(Math.log(3.5));
        assertThat(log.apply(0, 3.5)).isEqualTo(Math.log(3.5));
        assertThat(calls).hasValue(1);
        assertThat(log.apply(1, 3.5)).isEqualTo(Math.log(3.5));   // slots are separate
        assertThat(log.apply(0, 7.0)).isEqualTo(Math.log(7.0));
        assertThat(log.apply(0, 3.5)).isEqualTo(Math.log(3.5));   // only the last argument is kept
        assertThat(calls).hasValue(4);
    }

    @Test
    void aNaNArgumentIsNeverTakenForTheInitialEmptySlot() {
        LastValueCache exp = new LastValueCache(1, Math::exp);
        assertThat(exp.apply(0, Double.NaN)).isNaN();
        assertThat(exp.apply(0, 0.0)).isEqualTo(1.0);
    }
}
