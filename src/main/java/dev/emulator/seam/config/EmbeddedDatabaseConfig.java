package dev.emulator.seam.config;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: with no {@code spring.datasource.url}, start a real PostgreSQL from the zonky binaries whose
 * data directory ({@code emulator.data-dir}/postgres) survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmulatorProperties properties) throws IOException {
		Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
		log.info("No datasource configured: embedded PostgreSQL with data in {}", dir);
		return EmbeddedDatabaseEarlyStart.startedOrStart(dir);
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("embedded");
		return dataSource;
	}

}
