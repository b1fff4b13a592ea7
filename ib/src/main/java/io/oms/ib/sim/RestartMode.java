package io.oms.ib.sim;

/**
 * What a simulated gateway restart does to working orders. Orders live on IB's servers, not in the gateway,
 * so a mid-session restart keeps them all (KEEP_ORDERS). The nightly/weekly restart happens after the
 * session, when DAY orders are already gone: KEEP_GTC models that (DAY and OPG orders cancelled, GTC and
 * GTD kept). CANCEL_ORDERS is the worst case: nothing survives.
 */
public enum RestartMode { KEEP_ORDERS, KEEP_GTC, CANCEL_ORDERS }
