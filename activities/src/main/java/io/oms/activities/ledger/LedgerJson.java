package io.oms.activities.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.risk.StoredDenial;
import io.oms.workflows.activities.ExecutionRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON documents of the audit trail ({@code before}/{@code after}). Instants are ISO-8601 strings. */
final class LedgerJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private LedgerJson() {}

    static String order(OrderRow o) {
        return o == null ? null : write(orderFields(o));
    }

    /** A domain event of an order: its id, type and time (the change's), and the order as it now stands. */
    private static Map<String, Object> orderFields(OrderRow o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id().toString());
        m.put("tenant_id", o.tenantId());
        m.put("client_order_id", o.clientOrderId());
        m.put("account", o.account());
        m.put("symbol", o.symbol());
        m.put("side", o.side());
        m.put("type", o.type());
        m.put("quantity", o.quantity());
        m.put("limit_price", o.limitPrice());
        m.put("stop_price", o.stopPrice());
        m.put("trail_amount", o.trailAmount());
        m.put("trail_percent", o.trailPercent());
        m.put("tif", o.timeInForce());
        m.put("expire_at", text(o.expireAt()));
        m.put("outside_rth", o.outsideRth());
        m.put("state", o.state());
        m.put("filled_quantity", o.filledQuantity());
        m.put("avg_fill_price", o.avgFillPrice());
        m.put("broker_order_id", o.brokerOrderId());
        m.put("perm_id", o.permId());
        m.put("reject_reason", o.rejectReason());
        m.put("version", o.version());
        m.put("created_at", text(o.createdAt()));
        m.put("updated_at", text(o.updatedAt()));
        m.put("strategy", o.strategy());
        m.put("placed_by", o.placedBy());
        if (o.riskDenials() != null) {
            m.put("risk_denials", StoredDenial.fromJson(o.riskDenials()));
        }
        return m;
    }

    static String execution(ExecutionRecord e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_id", e.orderId().toString());
        m.put("account", e.account());
        m.put("exec_id", e.execId());
        m.put("symbol", e.symbol());
        m.put("side", e.side().name());
        m.put("quantity", e.quantity());
        m.put("price", e.price());
        m.put("exchange", e.exchange());
        m.put("broker_order_id", e.brokerOrderId());
        m.put("perm_id", e.permId());
        m.put("executed_at", text(e.executedAt()));
        return write(m);
    }

    static String fields(Map<String, Object> m) {
        return write(m);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String write(Map<String, Object> m) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize audit document", e);
        }
    }
}
