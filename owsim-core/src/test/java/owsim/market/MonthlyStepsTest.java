package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both engines take their mechanisms from the one step list: the agent engine's split of it leaves nothing out and adds nothing. */
class MonthlyStepsTest {
    @Test void theAgentEnginesStepsAreTheListAroundItsUsers() {
        List<Mechanism> perUser = MonthlySteps.ORDER.stream().filter(m -> MonthlySteps.PER_USER.contains(m.getClass())).toList();
        List<Mechanism> rebuilt = new ArrayList<>(MonthlySteps.BEFORE_USERS);
        rebuilt.addAll(perUser);
        rebuilt.addAll(MonthlySteps.AFTER_USERS);
        assertThat(rebuilt).containsExactlyElementsOf(MonthlySteps.ORDER);
        assertThat(perUser).hasSize(MonthlySteps.PER_USER.size());
        assertThat(MonthlySteps.BEFORE_USERS.stream().map(m -> m.getClass().getSimpleName()))
            .containsExactly("Research", "ReleaseDecisions", "Releases", "ApiPricing", "PlanPricing", "Distillation");
        assertThat(MonthlySteps.AFTER_USERS.stream().map(m -> m.getClass().getSimpleName()))
            .containsExactly("PlacedAssistants", "Advertising", "ParentApps", "CloudHosting", "EnterpriseContracts", "WageBids", "Talent", "Ecosystem", "Finance", "MonthEnd");
    }
}
