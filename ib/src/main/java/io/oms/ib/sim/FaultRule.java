package io.oms.ib.sim;

/**
 * When a fault fires: for each of the next {@code next} eligible messages, then (once those are used up)
 * with {@code probability} per message. Probabilistic decisions come from the simulator's seeded fault
 * random, so the same seed and the same inputs give the same decisions.
 */
public record FaultRule(int next, double probability) {
    public FaultRule {
        if (next < 0) throw new IllegalArgumentException("next must be >= 0");
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in [0,1]");
    }

    public static FaultRule off() { return new FaultRule(0, 0); }

    public static FaultRule always() { return new FaultRule(0, 1); }

    public static FaultRule nextN(int n) { return new FaultRule(n, 0); }

    public static FaultRule withProbability(double p) { return new FaultRule(0, p); }
}
