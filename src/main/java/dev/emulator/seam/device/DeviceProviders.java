package dev.emulator.seam.device;

import java.util.List;

import dev.emulator.seam.web.RouteParams;
import dev.emulator.seam.web.SeamParams;

/**
 * {@code /devices/list_device_providers}: a fixed list, as Seam's own fake serves one. It
 * names the providers whose devices this server's seed and sandbox know (locks, a
 * thermostat, a noise sensor).
 */
final class DeviceProviders {

	static final List<String> CATEGORIES = List.of("stable", "consumer_smartlocks", "beta", "thermostats",
			"noise_sensors", "access_control_systems", "cameras", "connectors");

	private static final String LOGOS = "https://connect.getseam.com/assets/images/logos/";

	static final List<DeviceProvider> ALL = List.of(provider("august", "August", "stable", "consumer_smartlocks"),
			provider("schlage", "Schlage", "stable", "consumer_smartlocks"),
			provider("yale", "Yale", "stable", "consumer_smartlocks"),
			provider("lockly", "Lockly", "consumer_smartlocks"), provider("ecobee", "ecobee", "stable", "thermostats"),
			provider("minut", "Minut", "stable", "noise_sensors"));

	private DeviceProviders() {
	}

	static List<DeviceProvider> inCategory(String category) {
		return (category == null) ? ALL
				: ALL.stream().filter((provider) -> provider.providerCategories().contains(category)).toList();
	}

	private static DeviceProvider provider(String name, String displayName, String... categories) {
		return new DeviceProvider(name, displayName, LOGOS + name + "_logo_square.png", List.of(categories));
	}

	/** Seam's {@code device_provider} object, with the members it requires. */
	record DeviceProvider(String deviceProviderName, String displayName, String imageUrl,
			List<String> providerCategories) {
	}

	record Params(String providerCategory) implements RouteParams {

		static Params from(SeamParams params) {
			String category = params.string("provider_category");
			if (category != null && !CATEGORIES.contains(category)) {
				params.addError("provider_category", "Invalid enum value. Expected '" + String.join("' | '", CATEGORIES)
						+ "', received '" + category + "'");
			}
			return new Params(category);
		}

	}

}
