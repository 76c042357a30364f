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

    @Test
    void aFirstLevelCacheAsksTheSecondOnlyOnItsOwnMissAndGivesTheSameDoubles() {
        AtomicInteger calls = new AtomicInteger();
        LastValueCache perOption = new LastValueCache(2, x -> {
            calls.incrementAndGet();
            return Math.exp(x);
        });
        LastValueCache perClass = new LastValueCache(4, Math::exp);
        assertThat(perClass.apply(0, 0.3, perOption, 0)).isEqualTo(Math.exp(0.3));
        assertThat(calls).hasValue(1);
        assertThat(perClass.apply(2, 0.3, perOption, 0)).isEqualTo(Math.exp(0.3)); // another class, same option: the option's last value
        assertThat(calls).hasValue(1);
        assertThat(perOption.apply(0, 1.7)).isEqualTo(Math.exp(1.7));              // the option's slot moves on
        assertThat(calls).hasValue(2);
        assertThat(perClass.apply(0, 0.3, perOption, 0)).isEqualTo(Math.exp(0.3));  // the class still has its own
        assertThat(calls).hasValue(2);
        assertThat(perClass.apply(0, -2.0, perOption, 0)).isEqualTo(Math.exp(-2.0)); // both miss: computed once
        assertThat(calls).hasValue(3);
    }
}
