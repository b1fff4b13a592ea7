package io.oms.infra.risk;

import static io.oms.infra.risk.RestrictionList.ACCOUNTS;
import static io.oms.infra.risk.RestrictionList.SYMBOLS;
import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.risk.RestrictionRepository.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestrictionRepositoryTest {
    private static final Instant T0 = Instant.parse("2025-03-04T16:00:00Z");

    private final TestDb db = TestDb.get();
    private final RestrictionRepository restricted = new RestrictionRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String other = db.newTenant();
    private final String symbol = "R" + TestDb.randomHex(3).toUpperCase();

    @Test
    void upsertCreatesThenReportsUnchangedThenChangesOnlyTheReason() {
        var created = restricted.upsert(SYMBOLS, tenant, symbol, "insider", "api-key:a", T0);
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        var same = restricted.upsert(SYMBOLS, tenant, symbol, "insider", "api-key:b", T0.plusSeconds(5));
        assertThat(same.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(same.row()).isEqualTo(created.row());
        var changed = restricted.upsert(SYMBOLS, tenant, symbol, "watch", "api-key:b", T0.plusSeconds(9));
        assertThat(changed.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(changed.row().reason()).isEqualTo("watch");
        assertThat(changed.row().createdBy()).isEqualTo("api-key:a");
        assertThat(changed.row().createdAt()).isEqualTo(T0);
        assertThat(changed.row().updatedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void anotherTenantNeitherSeesNorLiftsTheRestriction() {
        restricted.upsert(SYMBOLS, tenant, symbol, "insider", "api-key:a", T0);
        assertThat(restricted.list(SYMBOLS, other)).isEmpty();
        assertThat(restricted.find(SYMBOLS, other, symbol)).isEmpty();
        assertThat(restricted.delete(SYMBOLS, other, symbol)).isEmpty();
        assertThat(restricted.upsert(SYMBOLS, other, symbol, "theirs", "api-key:x", T0).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(restricted.find(SYMBOLS, tenant, symbol).orElseThrow().reason()).isEqualTo("insider");
        assertThat(restricted.delete(SYMBOLS, tenant, symbol)).isPresent();
        assertThat(restricted.find(SYMBOLS, other, symbol)).isPresent();
    }

    @Test
    void theRiskSnapshotCarriesTheRestrictionOfItsTenantOnly() {
        RiskSnapshots snapshots = new RiskSnapshots(db.jdbc, new RiskLimitRepository(db.jdbc), new PnlRepository(db.jdbc),
                db.tx, Clock.fixed(T0, ZoneOffset.UTC));
        restricted.upsert(SYMBOLS, tenant, symbol, "insider", "api-key:a", T0);
        assertThat(snapshots.load(tenant, "A1", symbol).restriction()).isEqualTo("insider");
        assertThat(snapshots.load(other, "A1", symbol).restriction()).isNull();
        restricted.delete(SYMBOLS, tenant, symbol);
        assertThat(snapshots.load(tenant, "A1", symbol).restriction()).isNull();
    }

    @Test
    void theTwoListsAreSeparateEvenForTheSameKey() {
        restricted.upsert(SYMBOLS, tenant, symbol, "insider", "api-key:a", T0);
        assertThat(restricted.find(ACCOUNTS, tenant, symbol)).isEmpty();
        assertThat(restricted.count(ACCOUNTS, tenant)).isZero();
        var account = restricted.upsert(ACCOUNTS, tenant, symbol, "frozen", "api-key:a", T0);
        assertThat(account.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(account.row().key()).isEqualTo(symbol);
        assertThat(restricted.list(ACCOUNTS, tenant)).containsExactly(account.row());
        assertThat(restricted.delete(ACCOUNTS, tenant, symbol)).isPresent();
        assertThat(restricted.find(SYMBOLS, tenant, symbol).orElseThrow().reason()).isEqualTo("insider");
        assertThat(restricted.count(SYMBOLS, tenant)).isEqualTo(1);
    }
}
