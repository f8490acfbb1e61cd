package dev.emulator.seam.config;

import java.sql.SQLException;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.LogicalConnectionImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transaction manager: Spring Boot's {@link JpaTransactionManager}, except that a
 * rollback on a connection the pool has already closed is not an error.
 *
 * <p>
 * When a statement fails because the database went away (SQLSTATE 08006, 57P01, ...),
 * HikariCP marks the connection broken and closes it, and the exception goes up to the
 * transaction boundary, which rolls back. That rollback meets the closed connection
 * ({@code SQLException: Connection is closed}, without a SQLSTATE), and Spring's
 * transaction boundaries ({@code TransactionTemplate}, {@code @Transactional}) then throw
 * the rollback's failure in place of the statement's ("Application exception overridden
 * by rollback exception"): a {@code JpaSystemException} in which nothing says the
 * database was lost, so the request answered 500 instead of 503
 * {@code service_unavailable} (bench/SOAK-RELIABILITY.md). There is nothing to roll back
 * on a closed connection: PostgreSQL discards the transaction of a connection that goes
 * away. So the rollback's failure is dropped there, and the statement's own exception,
 * which names the lost connection, reaches {@code web.DatabaseUnavailable}.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

	@Bean
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		JpaTransactionManager manager = new ClosedConnectionTolerantTransactionManager(entityManagerFactory);
		customizers.ifAvailable((each) -> each.customize(manager));
		return manager;
	}

	static final class ClosedConnectionTolerantTransactionManager extends JpaTransactionManager {

		private static final Logger log = LoggerFactory.getLogger(ClosedConnectionTolerantTransactionManager.class);

		ClosedConnectionTolerantTransactionManager(EntityManagerFactory entityManagerFactory) {
			super(entityManagerFactory);
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			try {
				super.doRollback(status);
			}
			catch (RuntimeException ex) {
				if (!connectionClosed()) {
					throw ex;
				}
				log.debug("Rollback skipped: the transaction's connection is already closed", ex);
			}
		}

		/**
		 * Whether the transaction holds a JDBC connection that is closed. Asks without
		 * acquiring one: a session without a connection says false.
		 */
		private boolean connectionClosed() {
			if (!(TransactionSynchronizationManager
				.getResource(obtainEntityManagerFactory()) instanceof EntityManagerHolder holder)) {
				return false;
			}
			try {
				LogicalConnectionImplementor connection = holder.getEntityManager()
					.unwrap(SharedSessionContractImplementor.class)
					.getJdbcCoordinator()
					.getLogicalConnection();
				return connection.isPhysicallyConnected() && connection.getPhysicalConnection().isClosed();
			}
			catch (SQLException | RuntimeException ex) {
				return false;
			}
		}

	}

}
