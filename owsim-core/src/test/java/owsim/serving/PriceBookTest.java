package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/** API prices: dated, with cache-hit prices, the current one next to the history. */
class PriceBookTest {
    private final PriceBook book = PriceBook.standard();

    @Test void everyPriceIsDatedSourcedAndHasAHitPriceNoDearerThanAMiss() {
        assertThat(book.prices()).hasSizeGreaterThanOrEqualTo(10);
        for (ApiPrice p : book.prices()) {
            assertThat(p.effective()).as(p.provider()).matches("\\d{4}-\\d{2}(-\\d{2})?");
            assertThat(p.source()).as(p.provider()).isNotBlank();
            assertThat(p.usdPerMillionInputHit()).as(p.provider()).isLessThanOrEqualTo(p.usdPerMillionInputMiss());
        }
        for (String model : List.of("deepseek-v3", "deepseek-r1", "kimi-k2", "glm-4.5", "qwen3-235b-a22b", "gpt-oss-120b")) {
            assertThat(book.api(model)).as(model).isPresent();
        }
    }

    @Test void theCurrentPriceIsTheLatestOfEachProviderAndTheHistoryKeepsTheOldOnes() {
        ApiPrice now = book.api("deepseek-v3").orElseThrow();
        assertThat(now.effective()).isEqualTo("2025-09-29");
        assertThat(List.of(now.usdPerMillionInputMiss(), now.usdPerMillionInputHit(), now.usdPerMillionOutput()))
            .containsExactly(0.28, 0.028, 0.42);
        assertThat(book.history("deepseek-v3")).extracting(ApiPrice::effective).containsExactly("2025-02-08", "2025-09-05", "2025-09-29");
        // The February 2025 price behind DeepSeek's published cost figures is still there.
        assertThat(book.history("deepseek-v3").get(0).usdPerMillionOutput()).isEqualTo(1.10);
        // Two Cerebras listings: the later one is current for that host, and the cheapest host wins.
        assertThat(book.api("gpt-oss-120b").orElseThrow().provider()).startsWith("KeepRouter");
    }

    @Test void theCacheHitShareLowersWhatAUserPays() {
        ApiPrice glm = book.api("glm-4.5").orElseThrow();
        double none = glm.blendedUsdPerMillion(0.25, 0);
        double cached = glm.blendedUsdPerMillion(0.25, book.cacheHitShare());
        assertThat(none).isCloseTo(0.75 * 0.60 + 0.25 * 2.20, withinPercentage(1e-9));
        assertThat(cached).isCloseTo(0.75 * (0.563 * 0.11 + 0.437 * 0.60) + 0.25 * 2.20, withinPercentage(1e-9));
        assertThat(book.cacheHitShare()).isEqualTo(0.563);
    }

    @Test void badPricesNameTheField() {
        assertThatThrownBy(() -> new ApiPrice("m", "p", "2025", 1, 0.5, 1, "s")).hasMessageStartingWith("effective");
        assertThatThrownBy(() -> new ApiPrice("m", "p", "2025-01-01", 1, 2, 1, "s")).hasMessageStartingWith("usdPerMillionInputHit");
        assertThatThrownBy(() -> new PriceBook(List.of(), List.of(), 1.5)).hasMessageStartingWith("cacheHitShare");
    }
}
