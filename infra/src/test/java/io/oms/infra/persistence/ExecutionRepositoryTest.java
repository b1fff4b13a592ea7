package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExecutionRepositoryTest {
    private final TestDb db = TestDb.get();
    private final ExecutionRepository executions = new ExecutionRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String account = "DU" + TestDb.randomHex(4);
    private final UUID orderId = UuidV7.next();

    ExecutionRepositoryTest() {
        new OrderRepository(db.jdbc).upsertState(Rows.order(tenant, orderId, "c1", 1, "NEW"));
    }

    @Test
    void anExecutionIsInsertedOnlyOncePerAccountAndExecId() {
        assertThat(executions.insertIfAbsent(Rows.execution(tenant, orderId, account, "e1"))).isTrue();
        assertThat(executions.insertIfAbsent(Rows.execution(tenant, orderId, account, "e1"))).isFalse();
        assertThat(executions.listByOrder(tenant, orderId)).hasSize(1);
    }

    @Test
    void commissionIsSetOnceAndLaterReportsAreIgnored() {
        executions.insertIfAbsent(Rows.execution(tenant, orderId, account, "e1"));
        assertThat(executions.setCommission(tenant, account, "e1", new BigDecimal("1.05"), "USD")).isTrue();
        assertThat(executions.setCommission(tenant, account, "e1", new BigDecimal("9.99"), "USD")).isFalse();
        ExecutionRow row = executions.find(tenant, account, "e1").orElseThrow();
        assertThat(row.commission()).isEqualByComparingTo("1.05");
        assertThat(row.commissionCurrency()).isEqualTo("USD");
    }

    @Test
    void commissionForAnUnknownExecutionChangesNothing() {
        assertThat(executions.setCommission(tenant, account, "missing", BigDecimal.ONE, "USD")).isFalse();
    }

    @Test
    void listByOrderReturnsTheFillsOfThatTenantOnly() {
        executions.insertIfAbsent(Rows.execution(tenant, orderId, account, "e1"));
        executions.insertIfAbsent(Rows.execution(tenant, orderId, account, "e2"));
        assertThat(executions.listByOrder(tenant, orderId)).extracting(ExecutionRow::execId).containsExactly("e1", "e2");
        assertThat(executions.listByOrder(db.newTenant(), orderId)).isEmpty();
        ExecutionRow first = executions.listByOrder(tenant, orderId).getFirst();
        assertThat(first.price()).isEqualByComparingTo("150.10");
        assertThat(first.executedAt()).isEqualTo(Rows.T0);
        assertThat(first.commission()).isNull();
    }

    @Test
    void aFillIsOutOfOrderOnlyWhenAnEffectiveFillOfThePositionComesAfterIt() {
        String symbol = Rows.execution(tenant, orderId, account, "x").symbol();
        assertThat(executions.hasEffectiveAfter(tenant, account, symbol, Rows.T0, "e0")).as("no fills yet").isFalse();
        executions.insertIfAbsent(Rows.execution(tenant, orderId, account, "e1"));
        assertThat(executions.hasEffectiveAfter(tenant, account, symbol, Rows.T0, "e0")).as("same time, later exec id").isTrue();
        assertThat(executions.hasEffectiveAfter(tenant, account, symbol, Rows.T0, "e1")).as("itself").isFalse();
        assertThat(executions.hasEffectiveAfter(tenant, account, symbol, Rows.T0.minusSeconds(1), "z")).isTrue();
        assertThat(executions.hasEffectiveAfter(tenant, account, symbol, Rows.T0.plusSeconds(1), "a")).isFalse();
        assertThat(executions.hasEffectiveAfter(tenant, account, "OTHER", Rows.T0.minusSeconds(1), "a")).as("another symbol").isFalse();
    }
}
