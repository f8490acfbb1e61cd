package dev.emulator.seam.devicedb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which picture a device type gets (BEHAVIOUR 6.6), and which image ids are device
 * pictures at all. Plain unit tests: no Spring context, no database.
 */
class DeviceImagesTests {

	private final DeviceImages images = new DeviceImages(null);

	@Test
	void kindWhenDeviceTypeThenByWhatTheTypeNames() {
		assertThat(DeviceImages.Kind.of("august_lock")).isEqualTo(DeviceImages.Kind.LOCK);
		assertThat(DeviceImages.Kind.of("ecobee_thermostat")).isEqualTo(DeviceImages.Kind.THERMOSTAT);
		assertThat(DeviceImages.Kind.of("minut_sensor")).isEqualTo(DeviceImages.Kind.NOISE_SENSOR);
		assertThat(DeviceImages.Kind.of("noiseaware_activity_zone")).isEqualTo(DeviceImages.Kind.NOISE_SENSOR);
		assertThat(DeviceImages.Kind.of("ios_phone")).isEqualTo(DeviceImages.Kind.PHONE);
		// Anything else is drawn as a lock, as Seam Components' own fallback picture is.
		assertThat(DeviceImages.Kind.of("four_suites_door")).isEqualTo(DeviceImages.Kind.LOCK);
	}

	@Test
	void pngWhenNotADevicePictureIdThenEmpty() {
		assertThat(this.images.png("00000000-0000-0000-0000-000000000000")).isEmpty();
		assertThat(this.images.png("device_type.")).isEmpty();
		assertThat(this.images.png("device_type.Lock")).isEmpty();
		assertThat(this.images.png("device_type.a/b")).isEmpty();
		assertThat(this.images.png("device_type.august_lock")).isPresent();
	}

	@Test
	void pngWhenAskedTwiceForOneKindThenTheSameBytes() {
		assertThat(this.images.png("device_type.august_lock")).get()
			.isSameAs(this.images.png("device_type.schlage_lock").orElseThrow());
	}

}
