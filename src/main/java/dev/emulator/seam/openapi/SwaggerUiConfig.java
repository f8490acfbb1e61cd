package dev.emulator.seam.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Swagger UI at {@code /swagger-ui/} from the {@code org.webjars:swagger-ui} jar, with
 * this server's {@code swagger-ui/swagger-initializer.js} (pointing at
 * {@code /openapi.json}) in place of the jar's, which points at the Petstore. Static
 * resources are otherwise off ({@code spring.web.resources.add-mappings: false}), so this
 * is the only place files are served from.
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUiConfig implements WebMvcConfigurer {

	static final String PATH = "/swagger-ui/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(PATH + "**")
			.addResourceLocations("classpath:/swagger-ui/",
					"classpath:/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/");
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/swagger-ui", PATH + "index.html");
		registry.addRedirectViewController(PATH, PATH + "index.html");
	}

	/**
	 * The webjar's version, from its Maven metadata, so that the pom alone decides it.
	 */
	static String webjarVersion() {
		String resource = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
		try (InputStream in = SwaggerUiConfig.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing: is org.webjars:swagger-ui on the classpath?");
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
