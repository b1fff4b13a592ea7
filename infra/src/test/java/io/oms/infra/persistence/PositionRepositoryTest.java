package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionRepositoryTest {
    private final TestDb db = TestDb.get();
    private final PositionRepository positions = new PositionRepository(db.jdbc);
    private final String tenant = db.newTenant();

    @Test
    void lockOrCreateStartsAFlatPositionAndReturnsTheExistingOneLater() {
        PositionRow created = db.tx.execute(s -> positions.lockOrCreate(tenant, "A1", "AAPL"));
        assertThat(created.quantity()).isZero();
        assertThat(created.avgCost()).isZero();
        db.tx.executeWithoutResult(s -> positions.save(new PositionRow(tenant, "A1", "AAPL", new BigDecimal("5"),
                new BigDecimal("10.5"), BigDecimal.ONE, new BigDecimal("0.3"), Instant.now())));
        PositionRow again = db.tx.execute(s -> positions.lockOrCreate(tenant, "A1", "AAPL"));
        assertThat(again.quantity()).isEqualByComparingTo("5");
        assertThat(again.avgCost()).isEqualByComparingTo("10.5");
        assertThat(again.commissions()).isEqualByComparingTo("0.3");
    }

    @Test
    void listFiltersByAccountAndNeverShowsAnotherTenant() {
        db.tx.executeWithoutResult(s -> {
            positions.lockOrCreate(tenant, "A1", "AAPL");
            positions.lockOrCreate(tenant, "A1", "MSFT");
            positions.lockOrCreate(tenant, "A2", "AAPL");
        });
        assertThat(positions.list(tenant, Optional.empty())).hasSize(3);
        assertThat(positions.list(tenant, Optional.of("A1"))).extracting(PositionRow::symbol).containsExactly("AAPL", "MSFT");
        assertThat(positions.list(db.newTenant(), Optional.empty())).isEmpty();
    }
}
