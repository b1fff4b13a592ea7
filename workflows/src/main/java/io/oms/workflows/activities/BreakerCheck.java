package io.oms.workflows.activities;

/** What one evaluation did: enabled breakers seen, trips engaged, and when the next evaluation is due. */
public record BreakerCheck(int enabledBreakers, int trips, long nextCheckInMillis) {}
