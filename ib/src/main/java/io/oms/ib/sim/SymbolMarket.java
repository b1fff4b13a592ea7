package io.oms.ib.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * One symbol's market: a bid/ask one tick either side of the mid, displayed sizes, the last trade, the day's
 * volume, and the open/close auction prices. Engine-thread only. Displayed size is the liquidity our orders
 * can take at the touch; taking it all refreshes the level with a new (seeded) size.
 */
final class SymbolMarket {
    static final BigDecimal TICK = new BigDecimal("0.01");
    static final BigDecimal LOT = new BigDecimal("100");
    private static final BigDecimal BPS = new BigDecimal("10000");
    private static final BigDecimal TWO = new BigDecimal("2");

    final String symbol;
    private final Random walk;
    private final Random liquidity;
    BigDecimal bid, ask, bidSize, askSize, last, lastSize;
    BigDecimal volume = BigDecimal.ZERO;
    BigDecimal open, close;
    /** A trading halt: quotes still move, nothing of ours trades (market data tick 49). */
    boolean halted;
    long lastTradeEpoch;
    /** Counts trade prints, so two trades at the same price and second are still two ticks. */
    long tradeSeq;

    SymbolMarket(String symbol, BigDecimal mid, Random walk, Random liquidity, long epochSecond) {
        this.symbol = symbol;
        this.walk = walk;
        this.liquidity = liquidity;
        setMid(mid);
        bidSize = lots(liquidity, 10);
        askSize = lots(liquidity, 10);
        last = mid.setScale(2, RoundingMode.HALF_UP);
        lastSize = LOT;
        lastTradeEpoch = epochSecond;
    }

    /** Exact: half of a cent amount always terminates. */
    BigDecimal mid() { return bid.add(ask).divide(TWO); }

    BigDecimal touch(boolean buy) { return buy ? ask : bid; }

    BigDecimal displayed(boolean buy) { return buy ? askSize : bidSize; }

    void setMid(BigDecimal mid) {
        BigDecimal m = mid.setScale(2, RoundingMode.HALF_UP).max(TICK);
        bid = m.subtract(TICK).max(TICK);
        ask = m.add(TICK);
    }

    void setQuote(BigDecimal newBid, BigDecimal newAsk, BigDecimal newBidSize, BigDecimal newAskSize) {
        if (newBid.signum() <= 0 || newAsk.compareTo(newBid) < 0) throw new IllegalArgumentException("need 0 < bid <= ask");
        bid = newBid;
        ask = newAsk;
        if (newBidSize != null) bidSize = positive(newBidSize);
        if (newAskSize != null) askSize = positive(newAskSize);
    }

    void trade(BigDecimal price, BigDecimal size, long epochSecond) {
        last = price;
        lastSize = size;
        volume = volume.add(size);
        lastTradeEpoch = epochSecond;
        tradeSeq++;
    }

    /** One random-walk step: the mid moves by a Gaussian of volatilityBps, sizes refresh, one trade prints. */
    void step(BigDecimal volatilityBps, long epochSecond) {
        BigDecimal mid = mid();
        // The Gaussian draw is a unitless factor, not money; the price itself stays BigDecimal.
        BigDecimal move = mid.multiply(volatilityBps).multiply(BigDecimal.valueOf(walk.nextGaussian()))
                .divide(BPS, 2, RoundingMode.HALF_UP);
        setMid(mid.add(move));
        bidSize = lots(walk, 10);
        askSize = lots(walk, 10);
        boolean buyerInitiated = walk.nextBoolean();
        trade(buyerInitiated ? ask : bid, lots(walk, 5), epochSecond);
    }

    /** Our fill took qty at the touch; an emptied level is refreshed so liquidity never runs out for good. */
    void consume(boolean buy, BigDecimal qty) {
        BigDecimal left = displayed(buy).subtract(qty);
        if (left.signum() <= 0) left = lots(liquidity, 10);
        if (buy) askSize = left; else bidSize = left;
    }

    /** The auction price: the mid rounded to a tick (half-even, so x.xx5 mids do not always round up). */
    BigDecimal auctionPrice() { return mid().setScale(2, RoundingMode.HALF_EVEN); }

    Quote snapshot() {
        return new Quote(symbol, bid, ask, bidSize, askSize, last, lastSize, volume, open, close, halted);
    }

    private static BigDecimal lots(Random r, int max) { return LOT.multiply(BigDecimal.valueOf(1 + r.nextInt(max))); }

    private static BigDecimal positive(BigDecimal v) {
        if (v.signum() <= 0) throw new IllegalArgumentException("sizes must be positive");
        return v;
    }
}
