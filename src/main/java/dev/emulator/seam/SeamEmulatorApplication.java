package dev.emulator.seam;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SeamEmulatorApplication {

	public static void main(String[] args) {
		SpringApplication.run(SeamEmulatorApplication.class, args);
	}

}
