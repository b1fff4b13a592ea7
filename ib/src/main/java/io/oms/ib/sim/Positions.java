package io.oms.ib.sim;

import io.oms.ib.msg.Position;
import io.oms.ib.msg.PositionEnd;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/** reqPositions from the execution ledger (corrections applied): one position per account and symbol. */
final class Positions {
    private final SimEngine e;

    Positions(SimEngine engine) { this.e = engine; }

    void send(SimSession c) {
        Map<String, BigDecimal[]> book = new TreeMap<>(); // account|symbol -> {qty, cost basis}
        for (SimExecution x : Requests.latestVersions(e.executions)) {
            BigDecimal[] p = book.computeIfAbsent(x.account() + "|" + x.symbol(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            BigDecimal signed = "BOT".equals(x.side()) ? x.shares() : x.shares().negate();
            boolean grows = p[0].signum() == 0 || p[0].signum() == signed.signum();
            if (grows) {
                p[1] = p[1].add(signed.abs().multiply(x.price()));
            } else {
                // Reducing: keep the average cost of what remains; a flip starts a new basis at this price.
                BigDecimal avg = p[1].divide(p[0].abs(), 8, RoundingMode.HALF_EVEN);
                BigDecimal after = p[0].add(signed);
                p[1] = after.signum() == p[0].signum() ? avg.multiply(after.abs()) : after.abs().multiply(x.price());
            }
            p[0] = p[0].add(signed);
        }
        book.forEach((k, p) -> {
            String[] parts = k.split("\\|", 2);
            BigDecimal avg = p[0].signum() == 0 ? BigDecimal.ZERO
                    : p[1].divide(p[0].abs(), 8, RoundingMode.HALF_EVEN).stripTrailingZeros();
            c.send(new Position(parts[0], Requests.conId(parts[1]), parts[1], "STK", "NASDAQ", "USD", parts[1], "NMS", p[0], avg));
        });
        c.send(new PositionEnd());
    }
}
