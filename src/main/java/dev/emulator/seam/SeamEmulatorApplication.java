package dev.emulator.seam;

import dev.emulator.seam.config.EmbeddedDatabaseEarlyStart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SeamEmulatorApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SeamEmulatorApplication.class);
		application.addListeners(new EmbeddedDatabaseEarlyStart());
		application.run(args);
	}

}
