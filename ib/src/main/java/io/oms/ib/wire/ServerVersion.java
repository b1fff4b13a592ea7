package io.oms.ib.wire;

/**
 * Server-version gates the codec honours. The simulator pins the negotiated version at or below
 * {@link #MAX} so every message stays on the plain-text protocol (protobuf starts at 201).
 */
public final class ServerVersion {
    /** Lowest version IB's client library accepts at all. */
    public static final int CLIENT_MIN = 100;
    /** Highest version we speak; 196+ add fields we do not implement. */
    public static final int MAX = 195;
    /** Lowest version we support end to end (no-version placeOrder, long permIds etc. are below this). */
    public static final int MIN_SUPPORTED = 157;

    /** reqCompletedOrders / completedOrder exist from here (below MIN_SUPPORTED, kept to guard the encoder). */
    public static final int COMPLETED_ORDERS = 150;
    public static final int DURATION = 158;
    public static final int POST_TO_ATS = 160;
    public static final int AUTO_CANCEL_PARENT = 162;
    public static final int ADVANCED_REJECT = 166;
    public static final int MANUAL_ORDER_TIME = 169;
    public static final int PEGBEST_PEGMID_OFFSETS = 170;
    public static final int FA_PROFILE_DESUPPORT = 177;
    public static final int PENDING_PRICE_REVISION = 178;
    public static final int CUSTOMER_ACCOUNT = 183;
    public static final int PROFESSIONAL_CUSTOMER = 184;
    public static final int BOND_ACCRUED_INTEREST = 185;
    public static final int RFQ_FIELDS = 187;
    public static final int UNDO_RFQ_FIELDS = 190;
    public static final int INCLUDE_OVERNIGHT = 189;
    /** permId is written as a long from here; below it IB's decoder reads an int, so permIds must fit 32 bits. */
    public static final int PERM_ID_AS_LONG = 191;
    public static final int CME_TAGGING = 192;
    public static final int CME_TAGGING_OPEN_ORDER = 193;
    public static final int ERROR_TIME = 194;
    public static final int FULL_ORDER_PREVIEW = 195;

    private ServerVersion() {}
}
