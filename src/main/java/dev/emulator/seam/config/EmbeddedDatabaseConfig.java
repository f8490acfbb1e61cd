package dev.emulator.seam.config;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import dev.emulator.seam.support.EmulatorProperties;

/**
 * The zero-setup default: with no {@code spring.datasource.url}, run a real PostgreSQL
 * from the zonky binaries whose cluster ({@code emulator.data-dir}/postgres) survives
 * restarts and crashes; see {@link EmbeddedPostgresServer}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

	/**
	 * The server {@link EmbeddedPostgresEarlyStart} began starting before the context was
	 * built; started here only when that did not run.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgres(EmulatorProperties properties,
			ObjectProvider<EmbeddedPostgresEarlyStart.Starting> early) throws IOException {
		EmbeddedPostgresEarlyStart.Starting starting = early.getIfAvailable();
		return (starting != null) ? starting.take(properties.dataDir())
				: EmbeddedPostgresServer.start(properties.dataDir());
	}

	/**
	 * The pool's settings ({@code spring.datasource.hikari.*}) apply as they do to an
	 * external database.
	 */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.jdbcUrl());
		dataSource.setUsername(EmbeddedPostgresServer.USER);
		dataSource.setPassword(postgres.password());
		dataSource.setPoolName("embedded");
		return dataSource;
	}

}
