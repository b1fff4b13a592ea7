package io.oms.api.killswitch;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The order path's use of the {@link KillSwitchGate}: new orders and modifies are refused with 422
 * COMPLIANCE_BLOCKED, whose details name the reason ({@code TRADING_HALTED} or {@code REDUCE_ONLY}) and the
 * switch. Cancels never come here.
 */
@ApiRole
@Component
public class KillSwitchRefusals {
    public static final String TRADING_HALTED = "TRADING_HALTED";
    public static final String REDUCE_ONLY = "REDUCE_ONLY";

    private final KillSwitchGate gate;
    private final PositionRepository positions;

    public KillSwitchRefusals(KillSwitchGate gate, PositionRepository positions) {
        this.gate = gate;
        this.positions = positions;
    }

    /** Refuses a new order under a HALTED switch, or under a REDUCING one unless it reduces the absolute position. */
    public void checkNewOrder(String tenantId, String account, String strategy, String symbol, Side side, BigDecimal qty) {
        gate.check(tenantId, account, strategy, () -> reduces(position(tenantId, account, symbol), side, qty))
                .ifPresent(KillSwitchRefusals::refuse);
    }

    /** Refuses any modify under a HALTED switch, and under a REDUCING one a modify that raises the quantity. */
    public void checkModify(String tenantId, String account, String strategy, BigDecimal oldQty, BigDecimal newQty) {
        gate.check(tenantId, account, strategy, () -> newQty == null || newQty.compareTo(oldQty) <= 0)
                .ifPresent(KillSwitchRefusals::refuse);
    }

    /** True when the order, filled in full, leaves a smaller absolute position (a flat one grows with any order). */
    static boolean reduces(BigDecimal position, Side side, BigDecimal qty) {
        BigDecimal after = side == Side.BUY ? position.add(qty) : position.subtract(qty);
        return after.abs().compareTo(position.abs()) < 0;
    }

    private BigDecimal position(String tenantId, String account, String symbol) {
        return positions.find(tenantId, account, symbol).map(PositionRow::quantity).orElse(BigDecimal.ZERO);
    }

    private static void refuse(KillSwitchRow row) {
        String reason = "HALTED".equals(row.state()) ? TRADING_HALTED : REDUCE_ONLY;
        String what = "HALTED".equals(row.state()) ? "trading is halted" : "only orders that reduce the position are accepted";
        throw new ApiException(ErrorCode.COMPLIANCE_BLOCKED,
                what + " by the " + row.scope() + " kill switch " + row.scopeId() + " (" + row.reasonCode() + ")",
                List.of(new FieldProblem("killSwitch", reason + " " + row.scope() + "/" + row.scopeId())),
                "cancels still pass; a user with risk:manage releases the switch");
    }
}
