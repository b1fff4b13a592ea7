package io.oms.ib.msg;

/**
 * Message ids of the text protocol (first field of every frame). The two directions are separate
 * namespaces: 58 is REQ_GLOBAL_CANCEL going out but MARKET_DATA_TYPE coming in, 59 likewise.
 */
public final class MsgIds {
    // client -> server
    public static final int REQ_MKT_DATA = 1;
    public static final int CANCEL_MKT_DATA = 2;
    public static final int PLACE_ORDER = 3;
    public static final int CANCEL_ORDER = 4;
    public static final int REQ_OPEN_ORDERS = 5;
    public static final int REQ_EXECUTIONS = 7;
    public static final int REQ_IDS = 8;
    public static final int REQ_ALL_OPEN_ORDERS = 16;
    public static final int REQ_MANAGED_ACCTS = 17;
    public static final int REQ_CURRENT_TIME = 49;
    public static final int REQ_GLOBAL_CANCEL = 58;
    public static final int REQ_MARKET_DATA_TYPE = 59;
    public static final int REQ_POSITIONS = 61;
    public static final int START_API = 71;
    public static final int REQ_COMPLETED_ORDERS = 99;

    // server -> client
    public static final int TICK_PRICE = 1;
    public static final int TICK_SIZE = 2;
    public static final int ORDER_STATUS = 3;
    public static final int ERR_MSG = 4;
    public static final int OPEN_ORDER = 5;
    public static final int NEXT_VALID_ID = 9;
    public static final int EXECUTION_DATA = 11;
    public static final int MANAGED_ACCTS = 15;
    public static final int TICK_GENERIC = 45;
    public static final int TICK_STRING = 46;
    public static final int CURRENT_TIME = 49;
    public static final int OPEN_ORDER_END = 53;
    public static final int EXECUTION_DATA_END = 55;
    public static final int MARKET_DATA_TYPE = 58;
    public static final int COMMISSION_AND_FEES_REPORT = 59;
    public static final int POSITION = 61;
    public static final int POSITION_END = 62;
    public static final int TICK_REQ_PARAMS = 81;
    public static final int ORDER_BOUND = 100;
    public static final int COMPLETED_ORDER = 101;
    public static final int COMPLETED_ORDERS_END = 102;

    private MsgIds() {}
}
