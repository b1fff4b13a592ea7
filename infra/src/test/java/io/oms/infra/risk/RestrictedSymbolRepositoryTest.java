package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.risk.RestrictedSymbolRepository.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestrictedSymbolRepositoryTest {
    private static final Instant T0 = Instant.parse("2025-03-04T16:00:00Z");

    private final TestDb db = TestDb.get();
    private final RestrictedSymbolRepository restricted = new RestrictedSymbolRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String other = db.newTenant();
    private final String symbol = "R" + TestDb.randomHex(3).toUpperCase();

    @Test
    void upsertCreatesThenReportsUnchangedThenChangesOnlyTheReason() {
        var created = restricted.upsert(tenant, symbol, "insider", "api-key:a", T0);
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        var same = restricted.upsert(tenant, symbol, "insider", "api-key:b", T0.plusSeconds(5));
        assertThat(same.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(same.row()).isEqualTo(created.row());
        var changed = restricted.upsert(tenant, symbol, "watch", "api-key:b", T0.plusSeconds(9));
        assertThat(changed.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(changed.row().reason()).isEqualTo("watch");
        assertThat(changed.row().createdBy()).isEqualTo("api-key:a");
        assertThat(changed.row().createdAt()).isEqualTo(T0);
        assertThat(changed.row().updatedAt()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void anotherTenantNeitherSeesNorLiftsTheRestriction() {
        restricted.upsert(tenant, symbol, "insider", "api-key:a", T0);
        assertThat(restricted.list(other)).isEmpty();
        assertThat(restricted.find(other, symbol)).isEmpty();
        assertThat(restricted.delete(other, symbol)).isEmpty();
        assertThat(restricted.upsert(other, symbol, "theirs", "api-key:x", T0).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(restricted.find(tenant, symbol).orElseThrow().reason()).isEqualTo("insider");
        assertThat(restricted.delete(tenant, symbol)).isPresent();
        assertThat(restricted.find(other, symbol)).isPresent();
    }

    @Test
    void theRiskSnapshotCarriesTheRestrictionOfItsTenantOnly() {
        RiskSnapshots snapshots = new RiskSnapshots(db.jdbc, new RiskLimitRepository(db.jdbc), new PnlRepository(db.jdbc),
                db.tx, Clock.fixed(T0, ZoneOffset.UTC));
        restricted.upsert(tenant, symbol, "insider", "api-key:a", T0);
        assertThat(snapshots.load(tenant, "A1", symbol).restriction()).isEqualTo("insider");
        assertThat(snapshots.load(other, "A1", symbol).restriction()).isNull();
        restricted.delete(tenant, symbol);
        assertThat(snapshots.load(tenant, "A1", symbol).restriction()).isNull();
    }
}
