package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import org.junit.jupiter.api.Test;

class BrokerDirectoryTest {
    private final TestDb db = TestDb.get();
    private final BrokerDirectory brokers = new BrokerDirectory(db.jdbc);
    private final String connection = "c-" + TestDb.randomHex(4);

    BrokerDirectoryTest() {
        brokers.ensureConnection(connection, "127.0.0.1", 4002, 7);
    }

    @Test
    void findAccountReturnsTheTenantsOwnAccountPendingUntilItsFirstReconciliation() {
        String tenant = db.newTenant();
        String account = "DU" + TestDb.randomHex(4);
        brokers.ensureAccount(tenant, account, connection);
        assertThat(brokers.findAccount(tenant, account)).contains(new BrokerAccountRow(account, tenant, connection, "PENDING"));
        assertThat(brokers.findAccount(tenant, account).orElseThrow().synced()).isFalse();
    }

    @Test
    void findAccountReadsTheSyncState() {
        String tenant = db.newTenant();
        String account = "DU" + TestDb.randomHex(4);
        brokers.ensureAccount(tenant, account, connection);
        db.jdbc.sql("UPDATE broker_accounts SET sync_state = 'SYNCED' WHERE account_code = :a").param("a", account).update();
        assertThat(brokers.findAccount(tenant, account).orElseThrow().synced()).isTrue();
    }

    @Test
    void findAccountDoesNotLeakAnotherTenantsAccount() {
        String owner = db.newTenant();
        String intruder = db.newTenant();
        String account = "DU" + TestDb.randomHex(4);
        brokers.ensureAccount(owner, account, connection);
        assertThat(brokers.findAccount(intruder, account)).isEmpty();
        assertThat(brokers.ensureAccount(intruder, account, connection)).isFalse();
        assertThat(brokers.findAccount(intruder, account)).isEmpty();
    }

    @Test
    void newConnectionStartsDownWithHighWaterZero() {
        BrokerConnectionRow row = brokers.connection(connection).orElseThrow();
        assertThat(row.status()).isEqualTo("DOWN");
        assertThat(row.port()).isEqualTo(4002);
        assertThat(row.clientId()).isEqualTo(7);
        assertThat(row.orderIdHighWater()).isZero();
        assertThat(row.statusAt()).isNull();
    }

    @Test
    void updateStatusRecordsStatusDetailAndTime() {
        assertThat(brokers.updateStatus(connection, "UP", "server version 176")).isTrue();
        BrokerConnectionRow row = brokers.connection(connection).orElseThrow();
        assertThat(row.status()).isEqualTo("UP");
        assertThat(row.statusDetail()).isEqualTo("server version 176");
        assertThat(row.statusAt()).isNotNull();
        assertThat(brokers.updateStatus("no-such-" + connection, "UP", null)).isFalse();
    }

    @Test
    void highWaterOnlyMovesUp() {
        brokers.advanceHighWater(connection, 100);
        brokers.advanceHighWater(connection, 50);
        assertThat(brokers.loadHighWater(connection)).isEqualTo(100);
        brokers.advanceHighWater(connection, 101);
        assertThat(brokers.loadHighWater(connection)).isEqualTo(101);
        assertThat(brokers.loadHighWater("no-such-" + connection)).isZero();
    }
}
