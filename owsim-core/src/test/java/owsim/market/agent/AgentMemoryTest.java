package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import owsim.io.InputException;
import owsim.scenario.NetworkSpec;

class AgentMemoryTest {
    private static final long GIB = 1L << 30;

    @Test
    void tooManyUsersAreRefusedNamingTheOptionAndTheLimit() {
        assertThatThrownBy(() -> AgentMemory.check("--users", 500_000_000, 1, NetworkSpec.fullyMixed(), 4 * GIB))
            .isInstanceOf(InputException.class)
            .hasMessage("--users: 500,000,000 users need about 10.2 GiB of heap (22 bytes per user), but this Java has about 4.0 GiB free; "
                + "the limit here is 156,180,628 users. Use fewer, or give Java more heap (OWSIM_JAVA_OPTS=-Xmx8g)");
    }

    @Test
    void whatFitsPasses() {
        AgentMemory.check("--users", 1_000_000, 1, NetworkSpec.fullyMixed(), 64L << 20);
    }

    @Test
    void aNetworkAndParallelRunsCountToo() {
        // Erdos-Renyi of mean degree 10: 22 + 16 + 80 bytes per user while it is built.
        NetworkSpec er = new NetworkSpec(NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null);
        assertThat(AgentMemory.bytes(1_000_000, er)).isEqualTo(118_000_000L);
        assertThatThrownBy(() -> AgentMemory.check("users", 1_000_000, 4, er, GIB / 4))
            .hasMessageContaining("users: 1,000,000 users x 4 runs at once need about 450 MiB of heap (118 bytes per user), but this Java has about 256 MiB free");
    }

    @Test
    void thePerUserFigureIsThePopulationsArrays() {
        // Every per-user array of Population, by element size, plus the user's class (a short in
        // AgentEngine.Users): a new per-user array must be counted in the estimate too.
        long bytes = 2;
        for (Field f : Population.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || !f.getType().isArray()) continue;
            Class<?> c = f.getType().getComponentType();
            bytes += c == byte.class || c == boolean.class ? 1 : c == short.class || c == char.class ? 2
                : c == int.class || c == float.class ? 4 : 8;
        }
        assertThat(bytes).isEqualTo(AgentMemory.POPULATION_BYTES_PER_USER);
    }
}
