package io.oms.ib.msg;

/** Message ids of the text protocol (first field of every frame). */
public final class MsgIds {
    // client -> server
    public static final int REQ_MKT_DATA = 1;
    public static final int PLACE_ORDER = 3;
    public static final int CANCEL_ORDER = 4;
    public static final int REQ_OPEN_ORDERS = 5;
    public static final int REQ_EXECUTIONS = 7;
    public static final int REQ_IDS = 8;
    public static final int REQ_ALL_OPEN_ORDERS = 16;
    public static final int REQ_MANAGED_ACCTS = 17;
    public static final int REQ_CURRENT_TIME = 49;
    public static final int REQ_POSITIONS = 61;
    public static final int START_API = 71;

    // server -> client
    public static final int TICK_PRICE = 1;
    public static final int TICK_SIZE = 2;
    public static final int ORDER_STATUS = 3;
    public static final int ERR_MSG = 4;
    public static final int OPEN_ORDER = 5;
    public static final int NEXT_VALID_ID = 9;
    public static final int EXECUTION_DATA = 11;
    public static final int MANAGED_ACCTS = 15;
    public static final int CURRENT_TIME = 49;
    public static final int OPEN_ORDER_END = 53;
    public static final int EXECUTION_DATA_END = 55;
    public static final int COMMISSION_AND_FEES_REPORT = 59;
    public static final int POSITION = 61;
    public static final int POSITION_END = 62;
    public static final int TICK_REQ_PARAMS = 81;

    private MsgIds() {}
}
