package io.oms.worker;

import io.oms.activities.reconcile.ReconcileTimings;
import io.oms.activities.reconcile.ReconciliationActivitiesImpl;
import io.oms.activities.reconcile.ReconciliationParts;
import io.oms.infra.config.ReconciliationProperties;
import io.oms.infra.reconcile.AccountSyncRepository;
import io.oms.workflows.reconcile.ReconciliationWorkflowImpl;
import io.oms.activities.webhook.WebhookActivitiesImpl;
import io.oms.infra.config.WebhookProperties;
import io.oms.workflows.webhook.AttemptTimings;
import io.oms.workflows.webhook.WebhookDeliveryContract;
import io.oms.workflows.webhook.WebhookDeliveryWorkflow;
import io.oms.workflows.webhook.WebhookDeliveryWorkflowImpl;
import io.oms.activities.breaker.CircuitBreakerActivitiesImpl;
import io.oms.activities.broker.BrokerActivitiesImpl;
import io.oms.activities.broker.InFlightPolicy;
import io.oms.activities.killswitch.KillSwitchActivitiesImpl;
import io.oms.activities.risk.RiskActivitiesImpl;
import io.oms.activities.ledger.LedgerActivitiesImpl;
import io.oms.activities.pnl.PnlSnapshotActivitiesImpl;
import io.oms.ib.client.IbClientOptions;
import io.oms.ib.client.IbConnectionConfig;
import io.oms.ib.client.IbConnector;
import io.oms.infra.config.BrokerProperties;
import io.oms.infra.config.TemporalProperties;
import io.oms.infra.temporal.StickyExecution;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.MarketPriceRepository;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.persistence.UnmatchedBrokerEventRepository;
import io.oms.infra.risk.CircuitBreakerRepository;
import io.oms.workflows.breaker.CircuitBreakerWorkflowImpl;
import io.oms.workflows.killswitch.KillSwitchWorkflowImpl;
import io.oms.workflows.order.OrderWorkflowContract;
import io.oms.workflows.order.OrderWorkflowImpl;
import io.oms.workflows.pnl.PnlSnapshotWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker role: the order workflows and ledger activities on the {@code oms} queue, and the one IB
 * session this process holds with its broker activities on {@code ib-{connection}}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "oms.roles.worker", havingValue = "true")
public class WorkerConfiguration {

    @Bean(destroyMethod = "close")
    WorkflowSignals workflowSignals(BrokerProperties broker, WorkflowClient client, UnmatchedBrokerEventRepository unmatched) {
        return new WorkflowSignals(broker.connection(), client, unmatched, 8);
    }

    @Bean(destroyMethod = "close")
    MarketPriceFeed marketPriceFeed(InstrumentRepository instruments, MarketPriceRepository prices) {
        return new MarketPriceFeed(instruments, prices, java.time.Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    ReconciliationTrigger reconciliationTrigger(BrokerProperties broker, AccountSyncRepository accounts,
                                                WorkflowClient client, ReconciliationProperties reconciliation) {
        return new ReconciliationTrigger(broker.connection(), accounts, client, reconciliation.openOrdersInterval(),
                reconciliation.positionsInterval());
    }

    @Bean(destroyMethod = "close")
    IbConnector ibConnector(BrokerProperties broker, BrokerDirectory directory, WorkflowSignals signals,
                            MarketPriceFeed marketPrices, ReconciliationTrigger reconciliation) {
        directory.ensureConnection(broker.connection(), broker.host(), broker.port(), broker.clientId());
        IbClientOptions defaults = IbClientOptions.defaults();
        IbClientOptions options = new IbClientOptions(defaults.minServerVersion(), defaults.maxServerVersion(),
                broker.messagesPerSecond(), broker.messagesPerSecond());
        LoggerFactory.getLogger(WorkerConfiguration.class).info("IB session {} at {}:{} client id {}, paced at {} messages/s",
                broker.connection(), broker.host(), broker.port(), broker.clientId(), broker.messagesPerSecond());
        IbConnector connector = new IbConnector(
                IbConnectionConfig.of(broker.connection(), broker.host(), broker.port(), broker.clientId()),
                new DbOrderIdStore(directory),
                new BrokerEventRouter(broker.connection(), directory, signals).withMarketData(marketPrices)
                        .withSessionWatcher(reconciliation), options);
        marketPrices.attach(connector);
        return connector;
    }

    @Bean
    WorkerFactory workerFactory(WorkflowClient client, BrokerProperties broker, IbConnector connector,
                                LedgerActivitiesImpl ledger, InstrumentRepository instruments,
                                TemporalProperties temporal, PnlSnapshotActivitiesImpl pnlSnapshots,
                                KillSwitchActivitiesImpl killSwitches, RiskActivitiesImpl risk,
                                CircuitBreakerActivitiesImpl circuitBreakers,
                                ReconciliationActivitiesImpl reconciliation, ReconciliationParts reconciliationParts,
                                WebhookActivitiesImpl webhookActivities, WebhookProperties webhooks) {
        WorkerFactory factory = WorkerFactory.newInstance(client, WorkerSettings.factory());
        WorkerOptions options = WorkerSettings.workers(StickyExecution.scheduleToStartTimeout(temporal.stickyExecution(),
                temporal.embedded(), client.getWorkflowServiceStubs()));
        var oms = factory.newWorker(OrderWorkflowContract.TASK_QUEUE, options);
        oms.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
        oms.registerActivitiesImplementations(ledger, risk);
        oms.registerWorkflowImplementationTypes(PnlSnapshotWorkflowImpl.class);
        oms.registerActivitiesImplementations(pnlSnapshots);
        oms.registerWorkflowImplementationTypes(KillSwitchWorkflowImpl.class);
        oms.registerActivitiesImplementations(killSwitches);
        oms.registerWorkflowImplementationTypes(CircuitBreakerWorkflowImpl.class);
        oms.registerActivitiesImplementations(circuitBreakers);
        oms.registerWorkflowImplementationTypes(ReconciliationWorkflowImpl.class);
        oms.registerActivitiesImplementations(reconciliation);
        factory.newWorker(OrderWorkflowContract.brokerTaskQueue(broker.connection()), options)
                .registerActivitiesImplementations(new BrokerActivitiesImpl(connector, broker.clientId(), instruments,
                                InFlightPolicy.withThreshold(broker.inFlightThreshold())),
                        reconciliationParts.brokerActivities(connector, ReconcileTimings.defaults()));
        if (webhooks.enabled()) {
            registerWebhookWorker(factory, options, webhookActivities, webhooks);
        }
        return factory;
    }

    /**
     * Webhook deliveries on their own queue and worker: slow receivers occupy at most {@code maxConcurrent} activity
     * slots and never the order queue's.
     */
    private static void registerWebhookWorker(WorkerFactory factory, WorkerOptions base, WebhookActivitiesImpl activities,
                                              WebhookProperties webhooks) {
        AttemptTimings timings = new AttemptTimings(webhooks.connectTimeout(), webhooks.readTimeout());
        var worker = factory.newWorker(WebhookDeliveryContract.TASK_QUEUE, WorkerOptions.newBuilder(base)
                .setMaxConcurrentActivityExecutionSize(webhooks.maxConcurrent())
                .build());
        worker.registerWorkflowImplementationFactory(WebhookDeliveryWorkflow.class,
                () -> new WebhookDeliveryWorkflowImpl(timings));
        worker.registerActivitiesImplementations(activities);
    }

    @Bean
    PnlSnapshotStarter pnlSnapshotStarter(WorkflowClient client, TenantRepository tenants) {
        return new PnlSnapshotStarter(client, tenants);
    }

    @Bean
    CircuitBreakerStarter circuitBreakerStarter(WorkflowClient client, CircuitBreakerRepository breakers) {
        return new CircuitBreakerStarter(client, breakers);
    }

    @Bean
    BrokerMetrics brokerMetrics(IbConnector connector, BrokerProperties broker) {
        return new BrokerMetrics(connector, broker.connection());
    }

    @Bean
    WorkerLifecycle workerLifecycle(WorkerFactory factory, IbConnector connector, BrokerDirectory directory,
                                    BrokerProperties broker) {
        return new WorkerLifecycle(factory, connector, directory, broker.connection());
    }
}
