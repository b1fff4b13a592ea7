package io.oms.server.outbox;

import io.oms.infra.audit.AuditChainer;
import io.oms.infra.audit.AuditChainerLoop;
import io.oms.infra.config.AuditChainerProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chainer runs where the outbox relay runs, in worker processes (where the ledger writes audit rows),
 * unless disabled; with several workers, PostgreSQL's advisory lock lets one chain at a time.
 */
@Configuration(proxyBeanMethods = false)
public class AuditChainerConfiguration {

    @Bean
    AuditChainer auditChainer(TransactionTemplate tx, JdbcClient jdbc, AuditChainerProperties settings) {
        return new AuditChainer(tx, jdbc, settings.batchSize());
    }

    @Bean
    @ConditionalOnExpression("${oms.roles.worker:false} and ${oms.audit.chainer.enabled:true}")
    AuditChainerLoop auditChainerLoop(AuditChainer chainer, AuditChainerProperties settings) {
        return new AuditChainerLoop(chainer, settings);
    }
}
