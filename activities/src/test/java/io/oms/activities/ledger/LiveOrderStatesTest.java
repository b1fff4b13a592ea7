package io.oms.activities.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.LiveOrders;
import io.oms.workflows.domain.OrderState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SQL's live orders are the domain's unfinished ones: a new state cannot be forgotten there. */
class LiveOrderStatesTest {

    @Test
    void livePredicateNamesExactlyTheStatesThatAreNotTerminal() {
        List<String> named = new ArrayList<>();
        Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(LiveOrders.STATE_PREDICATE);
        while (quoted.find()) {
            named.add(quoted.group(1));
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderState.values())
                .filter(state -> !state.isTerminal()).map(Enum::name).toList());
    }
}
