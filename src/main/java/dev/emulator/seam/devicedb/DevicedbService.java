package dev.emulator.seam.devicedb;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.emulator.seam.web.ApiException;
import dev.emulator.seam.web.PublicUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the catalogue the way Seam's device database answers: filters as its fake applies
 * them, and objects in its public shape, with every image a URL on this server's public
 * address (never the request's {@code Host}; BEHAVIOUR 4.9).
 */
@Service
class DevicedbService {

	static final String IMAGE_PATH = "/internal/devicedb_image_proxy";

	private final DevicedbDataset dataset;

	private final Supplier<String> publicBase;

	private final Map<String, Long> modelCounts;

	@Autowired
	DevicedbService(DevicedbProperties properties, PublicUrl publicUrl) {
		this(properties.dataset().isBlank() ? DevicedbDataset.bundled()
				: DevicedbDataset.fromFile(Path.of(properties.dataset().trim())), publicUrl::base);
	}

	/**
	 * @param publicBase this server's public address, without a trailing slash
	 */
	DevicedbService(DevicedbDataset dataset, Supplier<String> publicBase) {
		this.dataset = dataset;
		this.publicBase = publicBase;
		this.modelCounts = dataset.deviceModels()
			.stream()
			.collect(Collectors.groupingBy((model) -> DevicedbDataset.text(model, "manufacturer_id"),
					Collectors.counting()));
	}

	List<ObjectNode> manufacturers(DevicedbParams.ManufacturerList params) {
		Predicate<JsonNode> query;
		try {
			query = (params.liqeQuery() != null) ? LiqeQuery.parse(params.liqeQuery()) : (node) -> true;
		}
		catch (LiqeQuery.SyntaxError ex) {
			throw ApiException.badRequest("liqe_syntax_error", ex.getMessage());
		}
		return this.dataset.manufacturers()
			.stream()
			.filter(query)
			.filter((m) -> params.integrationSupportLevels() == null
					|| params.integrationSupportLevels().contains(supportLevel(m)))
			.filter((m) -> params.integrationStatus() == null || params.integrationStatus().equals(supportLevel(m)))
			.map(this::publicManufacturer)
			.toList();
	}

	ObjectNode manufacturer(String manufacturerId) {
		return this.dataset.manufacturer(manufacturerId)
			.map(this::publicManufacturer)
			.orElseThrow(() -> ApiException.notFound("manufacturer_not_found", "Manufacturer not found"));
	}

	List<ObjectNode> deviceModels(DevicedbParams.DeviceModelList params) {
		return this.dataset.deviceModels().stream().filter((model) -> {
			// An empty include_if or integration_support_levels keeps nothing, as in the
			// fake (the components never send one).
			if (params.excludeIf() != null && params.excludeIf().stream().anyMatch((path) -> isTrue(model, path))) {
				return false;
			}
			if (params.includeIf() != null && (params.includeIf().isEmpty()
					|| !params.includeIf().stream().allMatch((path) -> isTrue(model, path)))) {
				return false;
			}
			if (params.mainCategory() != null
					&& !params.mainCategory().equals(DevicedbDataset.text(model, "main_category"))) {
				return false;
			}
			String manufacturerId = DevicedbDataset.text(model, "manufacturer_id");
			if (params.manufacturerId() != null && !params.manufacturerId().equals(manufacturerId)) {
				return false;
			}
			if (params.manufacturerIds() != null && !params.manufacturerIds().contains(manufacturerId)) {
				return false;
			}
			String level = supportLevel(this.dataset.manufacturer(manufacturerId).orElseThrow());
			if (params.integrationStatus() != null && !params.integrationStatus().equals(level)) {
				return false;
			}
			if (params.integrationSupportLevels() != null && !params.integrationSupportLevels().contains(level)) {
				return false;
			}
			return params.textSearch() == null || String.valueOf(DevicedbDataset.text(model, "display_name"))
				.toLowerCase(Locale.ROOT)
				.contains(params.textSearch().toLowerCase(Locale.ROOT));
		}).map(this::publicDeviceModel).toList();
	}

	ObjectNode deviceModel(String deviceModelId) {
		return this.dataset.deviceModels()
			.stream()
			.filter((model) -> deviceModelId.equals(DevicedbDataset.text(model, "device_model_id")))
			.findFirst()
			.map(this::publicDeviceModel)
			.orElseThrow(() -> ApiException.notFound("device_model_not_found", "Device model not found"));
	}

	byte[] image(String imageId) {
		return this.dataset.image(imageId)
			.orElseThrow(() -> ApiException.notFound("image_not_found", "Image not found"));
	}

	/**
	 * A manufacturer as Seam shows it: {@code annotations} listed from the stored map,
	 * {@code logo} as a URL, {@code integration} (deprecated) mirroring
	 * {@code integration_support_level}, and {@code device_model_count}.
	 */
	private ObjectNode publicManufacturer(ObjectNode stored) {
		ObjectNode shown = stored.deepCopy();
		shown.remove("annotation_map");
		ArrayNode annotations = shown.putArray("annotations");
		stored.path("annotation_map").forEach(annotations::add);
		shown.remove("logo");
		if (stored.get("logo") instanceof ObjectNode logo) {
			shown.set("logo", image(logo));
		}
		shown.put("integration", supportLevel(stored));
		shown.put("device_model_count",
				this.modelCounts.getOrDefault(DevicedbDataset.text(stored, "manufacturer_id"), 0L));
		return shown;
	}

	/**
	 * A device model as Seam shows it: its manufacturer inline (without
	 * {@code device_model_count}) instead of {@code manufacturer_id}, and every image of
	 * its aesthetic variants as a URL.
	 */
	private ObjectNode publicDeviceModel(ObjectNode stored) {
		ObjectNode shown = JsonNodeFactory.instance.objectNode();
		ObjectNode manufacturer = publicManufacturer(
				this.dataset.manufacturer(DevicedbDataset.text(stored, "manufacturer_id")).orElseThrow());
		manufacturer.remove("device_model_count");
		stored.properties().forEach((member) -> {
			switch (member.getKey()) {
				case "manufacturer_id" -> shown.set("manufacturer", manufacturer);
				case "aesthetic_variants" -> shown.set("aesthetic_variants", variants(member.getValue()));
				default -> shown.set(member.getKey(), member.getValue().deepCopy());
			}
		});
		return shown;
	}

	private ArrayNode variants(JsonNode stored) {
		ArrayNode variants = JsonNodeFactory.instance.arrayNode();
		for (JsonNode variant : stored) {
			ObjectNode shown = ((ObjectNode) variant).deepCopy();
			for (String member : List.of("front_image", "back_image")) {
				if (variant.get(member) instanceof ObjectNode reference) {
					shown.set(member, image(reference));
				}
			}
			ArrayNode images = shown.putArray("images");
			variant.path("images").forEach((reference) -> images.add(image((ObjectNode) reference)));
			variants.add(shown);
		}
		return variants;
	}

	private ObjectNode image(ObjectNode reference) {
		String url = UriComponentsBuilder.fromUriString(this.publicBase.get())
			.path(IMAGE_PATH)
			.queryParam("image_id", DevicedbDataset.text(reference, "image_id"))
			.encode()
			.toUriString();
		ObjectNode shown = JsonNodeFactory.instance.objectNode();
		shown.put("url", url);
		shown.set("width", reference.path("width").deepCopy());
		shown.set("height", reference.path("height").deepCopy());
		return shown;
	}

	private static String supportLevel(JsonNode manufacturer) {
		String level = DevicedbDataset.text(manufacturer, "integration_support_level");
		return (level != null) ? level : DevicedbDataset.text(manufacturer, "integration");
	}

	/** Whether the dotted path of the stored model holds {@code true} (lodash's get). */
	private static boolean isTrue(JsonNode model, String path) {
		JsonNode current = model;
		for (String step : path.split("\\.")) {
			current = (current == null) ? null : current.get(step);
		}
		return current != null && current.isBoolean() && current.asBoolean();
	}

}
