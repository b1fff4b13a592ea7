package io.oms.workflows.activities;

import java.time.Instant;
import java.util.Map;

/**
 * What a run compared (counts per side, e.g. brokerExecutions, omsExecutions), found, repaired and left as open
 * discrepancies, and the newest execution IB reported (the next cursor; null when IB reported none).
 */
public record RunOutcome(Map<String, Integer> compared, int findings, int repairs, int discrepancies,
                         Instant cursorTime, String cursorExecId) {}
