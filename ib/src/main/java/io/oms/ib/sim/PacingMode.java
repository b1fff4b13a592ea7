package io.oms.ib.sim;

/**
 * What the simulator does above the messages-per-second limit. REJECT is TWS with "Reject messages above
 * maximum allowed message rate" checked: error 100 per excess message and the session is dropped after the
 * third. PACE queues (delays) excess messages; a client that connects with "+PACEAPI" is always paced.
 */
public enum PacingMode { REJECT, PACE }
