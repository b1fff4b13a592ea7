package io.oms.ib.msg;

/**
 * IB's execution filter. clientId 0 and null strings mean "no filter"; time is "yyyyMMdd-HH:mm:ss"
 * (UTC) or "yyyyMMdd HH:mm:ss tz", only executions after it match; side is BUY or SELL.
 */
public record ExecutionFilter(int clientId, String acctCode, String time, String symbol, String secType,
                              String exchange, String side) {
    public static ExecutionFilter all() { return new ExecutionFilter(0, null, null, null, null, null, null); }

    public static ExecutionFilter forClient(int clientId) {
        return new ExecutionFilter(clientId, null, null, null, null, null, null);
    }
}
