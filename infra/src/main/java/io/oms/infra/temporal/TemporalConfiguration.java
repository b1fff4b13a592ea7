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

/** The Temporal client every role uses; workers and the API both talk gRPC to {@link TemporalProperties#effectiveTarget()}. */
@Configuration(proxyBeanMethods = false)
public class TemporalConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "oms.temporal.embedded", havingValue = "true")
    EmbeddedTemporalServer embeddedTemporalServer(TemporalProperties properties) {
        return EmbeddedTemporalServer.start(properties.embeddedPort());
    }

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties, ObjectProvider<EmbeddedTemporalServer> embedded) {
        embedded.ifAvailable(server -> {}); // the embedded server must be listening before the stubs connect
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder()
                .setTarget(properties.effectiveTarget())
                .setEnableHttps(properties.tls());
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            options.addApiKey(properties::apiKey);
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
