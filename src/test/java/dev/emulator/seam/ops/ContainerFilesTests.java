package dev.emulator.seam.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of {@code Dockerfile} and {@code docker-compose.yml} without a
 * Docker engine (none runs where this project is built, so neither has been built or
 * started here): the image is built the way CI builds, runs on a JRE as a non-root user
 * with a health check; the compose file is valid YAML, starts PostgreSQL first and points
 * the server at it.
 */
class ContainerFilesTests {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static String read(String file) throws IOException {
		return Files.readString(ROOT.resolve(file));
	}

	/** Dockerfile instructions with their continuation lines joined, comments dropped. */
	private static List<String> instructions() throws IOException {
		String joined = read("Dockerfile").replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n", " ");
		return joined.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	@Test
	void dockerfileWhenReadThenMultiStageBuildWithTheWrapperAsCiDoesAndJreRuntime() throws IOException {
		List<String> instructions = instructions();
		List<String> from = instructions.stream().filter((line) -> line.startsWith("FROM ")).toList();
		assertThat(from).hasSize(2);
		assertThat(from.get(0)).matches("FROM \\S+:17-jdk\\S* AS build");
		// Built for Java 17, run on a newer JRE (25: the launcher's AOT cache).
		assertThat(from.get(1)).matches("FROM \\S+:(17|2[5-9])-jre\\S*");
		assertThat(instructions).anyMatch((line) -> line.startsWith("COPY --from=build "));
		// The wrapper and its pinned Maven version go into the build context.
		assertThat(instructions).contains("COPY .mvn .mvn").anyMatch((line) -> line.matches("COPY .*\\bmvnw\\b.*"));
		assertThat(read(".dockerignore").lines().map(String::strip)).doesNotContain("mvnw", ".mvn", ".mvn/", "src",
				"src/", "pom.xml");

		String build = mavenCommand(String.join("\n", instructions));
		assertThat(build).startsWith("./mvnw -B ").endsWith(" package");
		// CI builds with the same wrapper in batch mode (then verifies, which includes
		// package).
		assertThat(mavenCommand(read(".github/workflows/ci.yml"))).isEqualTo("./mvnw -B verify");
		assertThat(mavenCommand(read(".ci/run"))).isEqualTo("./mvnw -B verify");
	}

	/**
	 * The first {@code ./mvnw …} command in a text, up to the end of its line or shell
	 * operator.
	 */
	private static String mavenCommand(String text) {
		Matcher matcher = Pattern.compile("(?m)^\\s*(?:RUN .*?&&\\s*|run:\\s*)?(\\./mvnw [^&\\n;|]*?)\\s*(?:&&|$)")
			.matcher(text);
		assertThat(matcher.find()).as("a ./mvnw command in %s", text.lines().findFirst().orElse("")).isTrue();
		return matcher.group(1).strip();
	}

	@Test
	void dockerfileWhenReadThenRunsAsNonRootWithHealthcheckOnHealthAndExposesThePort() throws IOException {
		List<String> instructions = instructions();
		List<String> users = instructions.stream().filter((line) -> line.startsWith("USER ")).toList();
		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).substring("USER ".length()).strip();
		assertThat(user).isNotIn("root", "0", "0:0");
		assertThat(instructions)
			.anyMatch((line) -> line.matches("RUN .*useradd .*\\b" + Pattern.quote(user) + "\\b.*"));
		assertThat(instructions).anyMatch((line) -> line.matches("HEALTHCHECK .*CMD .*/health\\b.*"));
		assertThat(instructions).contains("EXPOSE 8080");
		// The launcher (class data sharing, emulator-sized JVM defaults), prepared while
		// the image is built.
		assertThat(instructions).contains("ENTRYPOINT [\"/app/bin/seam-emulator\"]")
			.contains("COPY bin/seam-emulator /app/bin/seam-emulator")
			.contains("RUN /app/bin/seam-emulator --prepare");
		assertThat(read(".dockerignore").lines().map(String::strip)).doesNotContain("bin", "bin/");
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeWhenParsedThenPostgresWithHealthcheckAndServerWaitingForItAndPointingAtIt() throws IOException {
		Map<String, Object> compose = new Yaml().load(read("docker-compose.yml"));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsOnlyKeys("postgres", "app");

		Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
		assertThat((String) postgres.get("image")).startsWith("postgres:");
		Map<String, Object> postgresEnv = (Map<String, Object>) postgres.get("environment");
		assertThat(((Map<String, Object>) postgres.get("healthcheck")).get("test").toString()).contains("pg_isready");

		Map<String, Object> app = (Map<String, Object>) services.get("app");
		assertThat(app.get("build")).isEqualTo(".");
		assertThat(app).extractingByKey("depends_on")
			.isEqualTo(Map.of("postgres", Map.of("condition", "service_healthy")));
		Map<String, Object> appEnv = (Map<String, Object>) app.get("environment");
		assertThat(appEnv)
			.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + postgresEnv.get("POSTGRES_DB"))
			.containsEntry("SPRING_DATASOURCE_USERNAME", postgresEnv.get("POSTGRES_USER"))
			.containsEntry("SPRING_DATASOURCE_PASSWORD", postgresEnv.get("POSTGRES_PASSWORD"));
		// This machine only, and the key file in a named volume that `compose down`
		// keeps.
		assertThat((List<String>) app.get("ports")).containsExactly("127.0.0.1:8080:8080");
		assertThat((List<String>) app.get("volumes")).containsExactly("seam-data:/data");
		assertThat((Map<String, Object>) compose.get("volumes")).containsKey("seam-data");
		assertThat(((Map<String, Object>) app.get("healthcheck")).get("test").toString()).contains("/health");
	}

}
