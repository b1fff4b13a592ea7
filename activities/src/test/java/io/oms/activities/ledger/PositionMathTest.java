package io.oms.activities.ledger;

import static io.oms.workflows.domain.Side.BUY;
import static io.oms.workflows.domain.Side.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.workflows.domain.Side;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionMathTest {

    private static Position fill(Position p, Side side, String qty, String price) {
        return PositionMath.apply(p, side, new BigDecimal(qty), new BigDecimal(price));
    }

    private static void assertPosition(Position p, String qty, String avg, String pnl) {
        assertThat(p.quantity()).isEqualByComparingTo(qty);
        assertThat(p.avgCost()).isEqualByComparingTo(avg);
        assertThat(p.realizedPnl()).isEqualByComparingTo(pnl);
    }

    @Test
    void buyFromFlatOpensALongAtTheFillPrice() {
        assertPosition(fill(Position.FLAT, BUY, "10", "100"), "10", "100", "0");
    }

    @Test
    void sellFromFlatOpensAShortAtTheFillPrice() {
        assertPosition(fill(Position.FLAT, SELL, "5", "20.5"), "-5", "20.5", "0");
    }

    @Test
    void addingToAPositionAveragesTheCostByQuantity() {
        Position p = fill(fill(Position.FLAT, BUY, "10", "100"), BUY, "30", "104");
        assertPosition(p, "40", "103", "0");
    }

    @Test
    void partialCloseOfALongRealizesOnTheClosedQuantityAndKeepsTheCost() {
        Position p = fill(fill(Position.FLAT, BUY, "10", "100"), SELL, "4", "110");
        assertPosition(p, "6", "100", "40");
    }

    @Test
    void partialCloseOfAShortRealizesWithTheShortsSign() {
        Position p = fill(fill(Position.FLAT, SELL, "10", "50"), BUY, "4", "45");
        assertPosition(p, "-6", "50", "20");
    }

    @Test
    void fillThroughZeroClosesTheOldPositionAndOpensTheRestAtTheFillPrice() {
        Position p = fill(fill(Position.FLAT, BUY, "10", "100"), SELL, "15", "90");
        assertPosition(p, "-5", "90", "-100");
    }

    @Test
    void closingToFlatRealizesEverythingAndResetsTheCostToZero() {
        Position p = fill(fill(fill(Position.FLAT, BUY, "10", "100"), BUY, "10", "101"), SELL, "20", "102");
        assertPosition(p, "0", "0", "30");
    }

    @Test
    void fractionalQuantitiesAndPricesStayExact() {
        Position p = fill(fill(Position.FLAT, BUY, "0.5", "10.01"), SELL, "0.25", "10.03");
        assertPosition(p, "0.25", "10.01", "0.005");
    }

    @Test
    void nonPositiveQuantityOrPriceIsRefused() {
        assertThatThrownBy(() -> fill(Position.FLAT, BUY, "0", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fill(Position.FLAT, BUY, "1", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random fill sequences against a straightforward recomputation that moves the position one share at a
     * time (so it needs no flip logic): quantities must agree exactly, cost and P&L to rounding.
     */
    @Test
    void randomFillSequencesAgreeWithAShareByShareRecomputation() {
        Random random = new Random(20250102);
        BigDecimal tolerance = new BigDecimal("1e-20");
        for (int run = 0; run < 300; run++) {
            Position p = Position.FLAT;
            Reference ref = new Reference();
            BigDecimal cash = BigDecimal.ZERO;
            for (int i = 0; i < 25; i++) {
                Side side = random.nextBoolean() ? BUY : SELL;
                int qty = 1 + random.nextInt(40);
                BigDecimal price = BigDecimal.valueOf(5_000 + random.nextInt(10_000), 2);
                p = PositionMath.apply(p, side, BigDecimal.valueOf(qty), price);
                for (int share = 0; share < qty; share++) {
                    ref.fillOne(side.sign(), price);
                }
                cash = cash.subtract(price.multiply(BigDecimal.valueOf((long) side.sign() * qty)));

                assertThat(p.quantity()).isEqualByComparingTo(BigDecimal.valueOf(ref.quantity));
                assertThat(p.avgCost()).isCloseTo(ref.avgCost, org.assertj.core.data.Offset.offset(tolerance));
                assertThat(p.realizedPnl()).isCloseTo(ref.realized, org.assertj.core.data.Offset.offset(tolerance));
                // cash paid and received = realized P&L - cost of what is still held
                assertThat(p.realizedPnl().subtract(p.quantity().multiply(p.avgCost())))
                        .isCloseTo(cash, org.assertj.core.data.Offset.offset(new BigDecimal("1e-15")));
                if (p.quantity().signum() == 0) {
                    assertThat(p.avgCost()).isZero();
                }
            }
        }
    }

    /** One share at a time: same direction averages in, opposite direction realizes one share at the average. */
    private static final class Reference {
        long quantity;
        BigDecimal avgCost = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;

        void fillOne(int sign, BigDecimal price) {
            if (quantity == 0 || Long.signum(quantity) == sign) {
                long size = Math.abs(quantity);
                avgCost = avgCost.multiply(BigDecimal.valueOf(size)).add(price)
                        .divide(BigDecimal.valueOf(size + 1), MathContext.DECIMAL128);
            } else {
                realized = realized.add(price.subtract(avgCost).multiply(BigDecimal.valueOf(Long.signum(quantity))));
                if (quantity + sign == 0) {
                    avgCost = BigDecimal.ZERO;
                }
            }
            quantity += sign;
        }
    }
}
