package dev.emulator.seam.config;

import java.sql.DriverManager;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.support.ApiTest;
import dev.emulator.seam.support.TestDatabase;
import dev.emulator.seam.web.DatabaseUnavailable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction whose connection dies under it (its backend terminated from another
 * connection, as a database crash does to every backend): the statement's failure, which
 * says the connection was lost, reaches the caller, not the failure of the rollback that
 * follows on the connection the pool has closed. The rollback's failure named no lost
 * connection and turned the request's 503 into a 500 (bench/SOAK-RELIABILITY.md).
 */
class TransactionManagerTests extends ApiTest {

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entityManager;

	@Test
	void rollbackWhenJdbcStatementLostItsConnectionThenTheStatementsFailureIsThrown() {
		assertLostConnectionReported(() -> this.jdbc.sql("select 1").query(Integer.class).single());
	}

	@Test
	void rollbackWhenJpaStatementLostItsConnectionThenTheStatementsFailureIsThrown() {
		assertLostConnectionReported(() -> this.entityManager.createNativeQuery("select 1").getSingleResult());
	}

	private void assertLostConnectionReported(Runnable statementAfterTheLoss) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> transaction.executeWithoutResult((status) -> {
			// The transaction's connection, which the JDBC reads share with JPA.
			this.entityManager.createNativeQuery("select 1").getSingleResult();
			int pid = this.jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
			terminate(pid);
			statementAfterTheLoss.run();
		})).hasMessageNotContaining("rollback")
			.satisfies((ex) -> assertThat(DatabaseUnavailable.isCause(ex)).as("recognised as database loss").isTrue());
		// The pool replaced the lost connection.
		Integer one = transaction.execute((status) -> this.jdbc.sql("select 1").query(Integer.class).single());
		assertThat(one).isEqualTo(1);
	}

	/** Ends a backend from another connection and waits until it is gone. */
	private static void terminate(int pid) {
		TestDatabase.Connection db = TestDatabase.get();
		try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
				var statement = connection.createStatement()) {
			statement.execute("select pg_terminate_backend(" + pid + ")");
			for (int i = 0; i < 100; i++) {
				try (var rows = statement.executeQuery("select count(*) from pg_stat_activity where pid = " + pid)) {
					rows.next();
					if (rows.getInt(1) == 0) {
						return;
					}
				}
				Thread.sleep(50);
			}
			throw new IllegalStateException("backend " + pid + " still there");
		}
		catch (SQLException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
