package dev.emulator.seam.devicedb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataset a file holding another catalogue in the format of Seam's fake device
 * database (its {@code loadJSON} document: {@code manufacturers} and
 * {@code device_models}); empty for the bundled one
 */
@ConfigurationProperties("emulator.devicedb")
public record DevicedbProperties(@DefaultValue("") String dataset) {

}
