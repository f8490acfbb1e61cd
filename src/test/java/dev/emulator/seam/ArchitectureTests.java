package dev.emulator.seam;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import dev.emulator.seam.auth.AuthContext;
import dev.emulator.seam.auth.SeamRoute;
import dev.emulator.seam.web.RouteParams;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of docs/ARCHITECTURE.md, enforced: every top-level package is a
 * module, no module depends on another in a cycle, and the layers depend only downwards
 * (support, then web, then auth, then the features, then the wiring and operations
 * packages that nothing imports). Plain unit tests: no Spring context, no database.
 */
class ArchitectureTests {

	private static final String BASE = "dev.emulator.seam";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(BASE);

	@Test
	void modulesWhenVerifiedThenNoCycleAndNoReachIntoInternals() {
		ApplicationModules.of(SeamEmulatorApplication.class).verify();
	}

	/**
	 * A new top-level package must be placed in a layer here, or the layer check would
	 * not see it.
	 */
	@Test
	void packagesWhenImportedThenEachBelongsToALayer() {
		java.util.Set<String> layered = java.util.Set.of("support", "web", "auth", "clientsession", "connectedaccount",
				"connectwebview", "device", "event", "useridentity", "workspace", "lock", "accesscode", "actionattempt",
				"thermostat", "noisesensor", "devicedb", "config", "logging", "openapi", "health", "seed", "startup");
		assertThat(CLASSES.stream()
			.map((javaClass) -> javaClass.getPackageName())
			.filter((name) -> name.startsWith(BASE + "."))
			.map((name) -> name.substring(BASE.length() + 1).split("\\.")[0])
			.distinct()).allMatch(layered::contains);
	}

	@Test
	void layersWhenCheckedThenEveryDependencyPointsDown() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("support")
			.definedBy(BASE + ".support..")
			.layer("web")
			.definedBy(BASE + ".web..")
			.layer("auth")
			.definedBy(BASE + ".auth..")
			.layer("features")
			.definedBy(BASE + ".clientsession..", BASE + ".connectedaccount..", BASE + ".connectwebview..",
					BASE + ".device..", BASE + ".event..", BASE + ".useridentity..", BASE + ".workspace..",
					BASE + ".lock..", BASE + ".accesscode..", BASE + ".actionattempt..", BASE + ".thermostat..",
					BASE + ".noisesensor..", BASE + ".devicedb..")
			.layer("edges")
			.definedBy(BASE + ".config..", BASE + ".logging..", BASE + ".openapi..", BASE + ".health..",
					BASE + ".seed..", BASE + ".startup..")
			.whereLayer("edges")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("features")
			.mayOnlyBeAccessedByLayers("edges")
			.whereLayer("auth")
			.mayOnlyBeAccessedByLayers("features", "edges")
			.whereLayer("web")
			.mayOnlyBeAccessedByLayers("auth", "features", "edges")
			.check(CLASSES);
	}

	/**
	 * A route receives only its caller, its validated parameters record and, where the
	 * method matters, the request: never raw parameters it could forget to validate.
	 */
	@Test
	void routesWhenDeclaredThenTakeOnlyCallerParamsRecordAndRequest() {
		List<String> offending = new ArrayList<>();
		CLASSES.stream()
			.map((javaClass) -> javaClass.reflect())
			.flatMap((type) -> List.of(type.getDeclaredMethods()).stream())
			.filter((method) -> method.isAnnotationPresent(SeamRoute.class))
			.forEach((method) -> {
				for (Parameter parameter : method.getParameters()) {
					Class<?> type = parameter.getType();
					if (!AuthContext.class.isAssignableFrom(type) && !RouteParams.class.isAssignableFrom(type)
							&& type != HttpServletRequest.class) {
						offending.add(describe(method) + " takes " + type.getSimpleName());
					}
				}
			});
		assertThat(offending).isEmpty();
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "." + method.getName();
	}

}
