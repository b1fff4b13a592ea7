package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The live-orders predicate names the states of orders_live_idx's own predicate, as constants: that is what lets
 * the planner use the partial index for a prepared statement's generic plan (bound states never can).
 */
class LiveOrdersTest {
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");
    private final TestDb db = TestDb.get();

    @Test
    void namesTheStatesOfThePartialIndexAsConstants() {
        String indexPredicate = db.jdbc.sql("""
                        SELECT pg_get_expr(i.indpred, i.indrelid) FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'orders_live_idx'""")
                .query(String.class).single();
        assertThat(LiveOrders.STATE_PREDICATE).doesNotContain("?").doesNotContain(":");
        assertThat(states(LiveOrders.STATE_PREDICATE)).isNotEmpty().isEqualTo(states(indexPredicate));
    }

    private static Set<String> states(String sql) {
        Set<String> states = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(sql);
        while (quoted.find()) {
            states.add(quoted.group(1));
        }
        return Set.copyOf(states);
    }
}
