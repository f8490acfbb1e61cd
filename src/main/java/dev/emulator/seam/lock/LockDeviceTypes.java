package dev.emulator.seam.lock;

import java.util.Set;

/**
 * The device types Seam's OpenAPI counts as locks (the enum of {@code /locks/list}'s
 * {@code device_type}).
 */
final class LockDeviceTypes {

	static final Set<String> ALL = Set.of("akuvox_lock", "august_lock", "brivo_access_point", "butterflymx_panel",
			"avigilon_alta_entry", "doorking_lock", "genie_door", "igloo_lock", "linear_lock", "lockly_lock",
			"kwikset_lock", "nuki_lock", "salto_lock", "schlage_lock", "smartthings_lock", "wyze_lock", "yale_lock",
			"two_n_intercom", "controlbyweb_device", "ttlock_lock", "igloohome_lock", "four_suites_door",
			"dormakaba_oracode_door", "tedee_lock", "akiles_lock", "ultraloq_lock", "keyincode_lock", "omnitec_lock",
			"kisi_lock");

	private LockDeviceTypes() {
	}

}
