package io.oms.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Assembles the API and worker modules; which beans exist depends on the roles {@link OmsMain} chose. */
@SpringBootApplication(scanBasePackages = "io.oms")
public class OmsApplication {}
