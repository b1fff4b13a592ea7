package io.oms.infra.temporal;

import io.oms.infra.config.TemporalProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Temporal client every role uses; workers and the API both talk gRPC to {@link TemporalProperties#effectiveTarget()},
 * or, when this process hosts the embedded server, to its in-process channel.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "oms.temporal.embedded", havingValue = "true")
    EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
        return EmbeddedTemporalServer.start(properties.embeddedPort());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties, ObjectProvider<EmbeddedTemporalServer> embedded) {
        EmbeddedTemporalServer server = embedded.getIfAvailable();
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
        if (server != null) {
            // The server runs in this process: reach it in-process (still gRPC), not through its port.
            options.setChannel(server.channel());
        } else {
            options.setTarget(properties.effectiveTarget()).setEnableHttps(properties.tls());
            if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
                options.addApiKey(properties::apiKey);
            }
        }
        return WorkflowServiceStubs.newServiceStubs(options.build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(properties.namespace())
                .build());
    }
}
