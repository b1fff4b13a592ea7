/**
 * The IB Gateway simulator: {@link io.oms.ib.sim.GatewaySimulator} speaks the TWS text protocol (sv 157..195).
 *
 * <p>Modelled: per-symbol seeded random walks (bid/ask one cent around the mid, displayed sizes, trade
 * prints, volume); streaming market data; MKT, LMT, STP, STP LMT, TRAIL (amount or percent), MOC, LOC with
 * DAY, GTC, IOC, FOK, GTD and OPG; IB's status sequences, cancels (202, 10147, 10148), rejects (201 +
 * Inactive), id reuse (103/104), modifies (105), global cancel, completed orders, manual-order binding
 * (orderBound), executions replay, positions; faults (see {@link io.oms.ib.sim.SimFaults}).
 *
 * <p>Simplified, on purpose:
 * <ul>
 *   <li>The market trades around the clock; the session (open/close, weekdays, no holidays) only drives the
 *       auctions, OPG/MOC/LOC and DAY expiry. Our fills do not move the market or print trades.</li>
 *   <li>Liquidity at the touch never runs out: a level we empty is refreshed with a new seeded size at the
 *       same price (no book depth, no price impact).</li>
 *   <li>Stops elect on the last trade or on the whole quote crossing them; trigger methods are ignored.</li>
 *   <li>System cancels (IOC/FOK remainders, expiries, unfilled LOC/LOO) send Cancelled without error 202.</li>
 *   <li>Market data is always live (marketDataType 1); snapshots end without tickSnapshotEnd.</li>
 *   <li>While IB connectivity is lost, order and execution reports are lost (not queued): reconcile.</li>
 *   <li>Positions are not streamed after positionEnd (no cancelPositions in the codec).</li>
 *   <li>Exec ids carry a random per-instance prefix, outside the seed, so they never repeat across runs.</li>
 * </ul>
 *
 * <p>Determinism: with tickInterval 0 (walk stepped by hand), a {@link io.oms.ib.sim.ManualClock} and a
 * fixed seed, the same inputs give the same prices, fill sizes and fault decisions. Wall-clock delays
 * (slice delay, injected delays, pacing) only change timing, not content.
 */
package io.oms.ib.sim;
