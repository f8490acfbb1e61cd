package dev.emulator.seam.devicedb;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import dev.emulator.seam.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The catalogue's filters and shapes on a made-up catalogue of three manufacturers and
 * four models (BEHAVIOUR 4.9). No Spring, no database.
 */
class DevicedbServiceTests {

	static final String ACME = "aaaaaaaa-0000-0000-0000-000000000001";

	static final String BOLT = "bbbbbbbb-0000-0000-0000-000000000002";

	static final String CALM = "cccccccc-0000-0000-0000-000000000003";

	static final String CATALOGUE = """
			{"manufacturers": [
			  {"manufacturer_id": "%s", "display_name": "Acme Locks", "integration": "stable",
			   "integration_support_level": "stable", "is_connect_webview_supported": true,
			   "requires_seam_support_to_add_account": false, "annotation_map": {},
			   "logo": {"image_id": "acme-logo", "width": 40, "height": 20}},
			  {"manufacturer_id": "%s", "display_name": "Bolt & Co", "integration": "beta",
			   "integration_support_level": "beta", "is_connect_webview_supported": true,
			   "requires_seam_support_to_add_account": true, "annotation_map": {}},
			  {"manufacturer_id": "%s", "display_name": "Calm Climate", "integration": "planned",
			   "integration_support_level": "planned", "is_connect_webview_supported": false,
			   "requires_seam_support_to_add_account": false, "annotation_map": {}}
			],
			"device_models": [
			  {"device_model_id": "00000000-0000-0000-0000-00000000000a", "manufacturer_id": "%1$s",
			   "display_name": "Acme Deadbolt", "description": "", "is_device_supported": true,
			   "main_connection_type": "wifi", "main_category": "smartlock", "hardware": {}, "power_sources": [],
			   "can_remotely_unlock": true, "can_remotely_lock": true,
			   "software_features": {"can_program_access_codes": true},
			   "aesthetic_variants": [{"slug": "black", "display_name": "Black",
			     "front_image": {"image_id": "acme-front", "width": 30, "height": 10},
			     "images": [{"image_id": "acme-front", "width": 30, "height": 10}]}]},
			  {"device_model_id": "00000000-0000-0000-0000-00000000000b", "manufacturer_id": "%1$s",
			   "display_name": "Acme Lever", "description": "", "is_device_supported": true,
			   "main_connection_type": "zwave", "main_category": "smartlock", "hardware": {}, "power_sources": [],
			   "can_remotely_unlock": true, "software_features": {"can_program_access_codes": false},
			   "aesthetic_variants": []},
			  {"device_model_id": "00000000-0000-0000-0000-00000000000c", "manufacturer_id": "%2$s",
			   "display_name": "Bolt Padlock", "description": "", "is_device_supported": true,
			   "main_connection_type": "wifi", "main_category": "smartlock", "hardware": {}, "power_sources": [],
			   "aesthetic_variants": []},
			  {"device_model_id": "00000000-0000-0000-0000-00000000000d", "manufacturer_id": "%3$s",
			   "display_name": "Calm Thermostat", "description": "", "is_device_supported": false,
			   "main_connection_type": "wifi", "main_category": "thermostat", "hardware": {}, "power_sources": [],
			   "aesthetic_variants": []}
			]}
			""".formatted(ACME, BOLT, CALM);

	final DevicedbService service = new DevicedbService(DevicedbDataset.of(CATALOGUE),
			() -> "https://emulator.example:8443");

	@Test
	void manufacturersWhenNoFilterThenAllWithModelCountsAndLogoOnThePublicAddress() {
		List<ObjectNode> all = this.service.manufacturers(manufacturers(null, null));
		assertThat(names(all, "display_name")).containsExactly("Acme Locks", "Bolt & Co", "Calm Climate");
		assertThat(all.get(0).get("device_model_count").asInt()).isEqualTo(2);
		assertThat(all.get(2).get("device_model_count").asInt()).isEqualTo(1);
		assertThat(all.get(0).get("logo").get("url").asString())
			.isEqualTo("https://emulator.example:8443/internal/devicedb_image_proxy?image_id=acme-logo");
		assertThat(all.get(1).has("logo")).isFalse();
	}

	@Test
	void manufacturersWhenSupportLevelsThenThoseOnlyAndEmptyListKeepsNone() {
		assertThat(names(this.service.manufacturers(manufacturers(List.of("stable", "beta"), null)), "display_name"))
			.containsExactly("Acme Locks", "Bolt & Co");
		assertThat(this.service.manufacturers(manufacturers(List.of(), null))).isEmpty();
	}

	@Test
	void manufacturersWhenLiqeQueriesAsSeamComponentsWriteThemThenMatches() {
		assertThat(liqe("(display_name:\"Acme Locks\" OR manufacturer_id:\"" + CALM + "\")"))
			.containsExactly("Acme Locks", "Calm Climate");
		assertThat(liqe("NOT (display_name:\"Bolt & Co\")")).containsExactly("Acme Locks", "Calm Climate");
		assertThat(liqe(
				"(display_name:\"Acme Locks\" OR display_name:\"Bolt & Co\") AND NOT (display_name:\"Bolt & Co\")"))
			.containsExactly("Acme Locks");
		assertThat(liqe("manufacturer_id:none")).isEmpty();
		assertThat(liqe("display_name:acme")).containsExactly("Acme Locks");
		assertThat(liqe("display_name:\"acme\"")).isEmpty();
		assertThat(liqe("display_name:=Calm")).isEmpty();
		assertThat(liqe("display_name:Cal*ate")).containsExactly("Calm Climate");
		assertThat(liqe("requires_seam_support_to_add_account:true")).containsExactly("Bolt & Co");
		assertThat(liqe("climate")).containsExactly("Calm Climate");
		assertThat(liqe("-is_connect_webview_supported:true")).containsExactly("Calm Climate");
		assertThat(liqe("")).hasSize(3);
	}

	@Test
	void manufacturersWhenLiqeQueryUnreadableThenLiqeSyntaxError() {
		for (String query : List.of("display_name:\"Acme", "(display_name:Acme", "height:>100", "name:/a/",
				"display_name:")) {
			assertThatExceptionOfType(ApiException.class).as(query)
				.isThrownBy(() -> liqe(query))
				.satisfies((ex) -> assertThat(ex.getType()).isEqualTo("liqe_syntax_error"));
		}
	}

	@Test
	void deviceModelsWhenFiltersThenAsSeamsFakeAppliesThem() {
		assertThat(models(null, null, null, null, null, null)).containsExactly("Acme Deadbolt", "Acme Lever",
				"Bolt Padlock", "Calm Thermostat");
		assertThat(models("thermostat", null, null, null, null, null)).containsExactly("Calm Thermostat");
		assertThat(models(null, List.of(ACME, CALM), null, null, null, null)).containsExactly("Acme Deadbolt",
				"Acme Lever", "Calm Thermostat");
		assertThat(models(null, null, List.of("stable", "beta"), null, null, null)).containsExactly("Acme Deadbolt",
				"Acme Lever", "Bolt Padlock");
		assertThat(models(null, null, List.of(), null, null, null)).isEmpty();
		assertThat(models(null, null, null, "ACME", null, null)).containsExactly("Acme Deadbolt", "Acme Lever");
		assertThat(models(null, null, null, null,
				List.of("can_remotely_unlock", "software_features.can_program_access_codes"), null))
			.containsExactly("Acme Deadbolt");
		assertThat(models(null, null, null, null, List.of(), null)).isEmpty();
		assertThat(models(null, null, null, null, null, List.of("can_remotely_lock"))).containsExactly("Acme Lever",
				"Bolt Padlock", "Calm Thermostat");
		assertThat(models("smartlock", List.of(ACME, BOLT), List.of("beta"), "bolt", null, null))
			.containsExactly("Bolt Padlock");
	}

	@Test
	void deviceModelWhenGetThenManufacturerInlineWithoutCountAndImagesAsUrls() {
		ObjectNode model = this.service.deviceModel("00000000-0000-0000-0000-00000000000a");
		assertThat(model.has("manufacturer_id")).isFalse();
		assertThat(model.get("manufacturer").get("display_name").asString()).isEqualTo("Acme Locks");
		assertThat(model.get("manufacturer").has("device_model_count")).isFalse();
		ObjectNode variant = (ObjectNode) model.get("aesthetic_variants").get(0);
		assertThat(variant.get("front_image").get("url").asString())
			.isEqualTo("https://emulator.example:8443/internal/devicedb_image_proxy?image_id=acme-front");
		assertThat(variant.get("front_image").get("width").asInt()).isEqualTo(30);
		assertThat(variant.get("images").get(0).has("image_id")).isFalse();
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.service.deviceModel("00000000-0000-0000-0000-0000000000ff"))
			.satisfies((ex) -> assertThat(ex.getType()).isEqualTo("device_model_not_found"));
	}

	@Test
	void imageWhenNamedButNotBundledThenPlaceholderOfTheNamedSize() throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(this.service.image("acme-front")));
		assertThat(image.getWidth()).isEqualTo(30);
		assertThat(image.getHeight()).isEqualTo(10);
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.service.image("not-in-catalogue"))
			.satisfies((ex) -> assertThat(ex.getType()).isEqualTo("image_not_found"));
	}

	@Test
	void bundledWhenLoadedThenEveryImageItNamesIsAFileOfTheNamedSize() throws IOException {
		DevicedbService bundled = new DevicedbService(DevicedbDataset.bundled(), () -> "http://localhost:1");
		BufferedImage logo = ImageIO
			.read(new ByteArrayInputStream(bundled.image("00000000-0000-0000-0000-000000000000")));
		assertThat(logo.getWidth()).isEqualTo(96);
		assertThat(logo.getHeight()).isEqualTo(96);
	}

	@Test
	void datasetWhenModelNamesUnknownManufacturerThenRefusedAtStart() {
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> DevicedbDataset.of("""
				{"manufacturers": [], "device_models": [{"device_model_id": "x", "manufacturer_id": "y"}]}"""));
	}

	private List<String> liqe(String query) {
		return names(this.service.manufacturers(manufacturers(null, query)), "display_name");
	}

	private List<String> models(String category, List<String> manufacturerIds, List<String> levels, String text,
			List<String> includeIf, List<String> excludeIf) {
		return names(this.service.deviceModels(new DevicedbParams.DeviceModelList(category, null, manufacturerIds, null,
				levels, text, includeIf, excludeIf)), "display_name");
	}

	private static DevicedbParams.ManufacturerList manufacturers(List<String> levels, String liqe) {
		return new DevicedbParams.ManufacturerList(null, levels, liqe);
	}

	private static List<String> names(List<ObjectNode> nodes, String member) {
		return nodes.stream().map((node) -> node.get(member).asString()).toList();
	}

}
