package io.oms.infra.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The IB session this worker holds: an IB Gateway/TWS (or the simulator) at host:port, with a client id.
 * {@code messagesPerSecond} paces every outbound message; IB allows 50/s per session by default.
 * {@code inFlightThreshold}: how long a sent order may go without IB's first answer before the worker looks it up
 * at IB by orderRef (the in-flight check; at most 12 s, to fit the placement's timeout).
 */
@Validated
@ConfigurationProperties("oms.broker")
public record BrokerProperties(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,30}") String connection,
        @NotBlank String host,
        @Min(1) @Max(65535) int port,
        @Min(0) int clientId,
        @NotBlank String account,
        @Min(1) @Max(10_000) int messagesPerSecond,
        @DefaultValue("5s") Duration inFlightThreshold) {}
