package io.oms.ib.sim;

import io.oms.ib.msg.*;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A session that records what the engine sends, with a compact transcript for sequence assertions. */
final class RecordingSession implements SimSession {
    private final int clientId;
    final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
    volatile boolean open = true;

    RecordingSession(int clientId) { this.clientId = clientId; }

    @Override public int clientId() { return clientId; }

    @Override public void send(ServerMessage m) { if (open) messages.add(m); }

    @Override public boolean isOpen() { return open; }

    @Override public void close() { open = false; }

    void clear() { messages.clear(); }

    <T> List<T> of(Class<T> type) { return messages.stream().filter(type::isInstance).map(type::cast).toList(); }

    List<String> statuses(int orderId) {
        return of(OrderStatus.class).stream().filter(s -> s.orderId() == orderId).map(OrderStatus::status).toList();
    }

    List<ExecDetails> execs(int orderId) { return of(ExecDetails.class).stream().filter(x -> x.orderId() == orderId).toList(); }

    List<Integer> errorCodes() { return of(ErrorMessage.class).stream().map(ErrorMessage::code).toList(); }

    /** One line per message: enough to compare order lifecycles without comparing every field. */
    List<String> transcript() { return messages.stream().map(RecordingSession::line).toList(); }

    /** Like transcript, but only the order-lifecycle lines of orderId. */
    List<String> transcript(int orderId) {
        return transcript().stream().filter(l -> l.matches("^(open|status|exec|error):" + orderId + "(:.*)?$")
                || l.startsWith("comm:")).toList();
    }

    static String line(ServerMessage m) {
        return switch (m) {
            case OpenOrder o -> "open:" + o.orderId() + ":" + o.status();
            case OrderStatus s -> "status:" + s.orderId() + ":" + s.status() + ":" + s.filled().toPlainString();
            case ExecDetails x -> "exec:" + x.orderId() + ":" + x.shares().toPlainString() + "@" + x.price().toPlainString();
            case CommissionReport c -> "comm:" + c.commission().toPlainString();
            case ErrorMessage e -> "error:" + e.id() + ":" + e.code();
            case TickPrice t -> "tickPrice:" + t.tickerId() + ":" + t.tickType() + ":" + t.price().toPlainString();
            case TickSize t -> "tickSize:" + t.tickerId() + ":" + t.tickType() + ":" + t.size().toPlainString();
            case TickString t -> "tickString:" + t.tickerId() + ":" + t.tickType();
            default -> m.getClass().getSimpleName();
        };
    }
}
