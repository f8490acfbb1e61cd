package dev.emulator.seam.devicedb;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalogue, as Seam's fake device database stores it: manufacturers with a
 * {@code logo} image reference and an {@code annotation_map}, device models naming their
 * {@code manufacturer_id}, image references as {@code {image_id, width, height}}. Read
 * once, never changed. Images are the bundled files under {@code devicedb/images/}; an
 * image the catalogue names but no file holds is a generated grey placeholder of the
 * named size (BEHAVIOUR 4.9).
 */
final class DevicedbDataset {

	static final String BUNDLED = "devicedb/dataset.json";

	private static final String IMAGES = "devicedb/images/";

	/** Placeholders are drawn at most this large, whatever size the catalogue names. */
	private static final int MAX_PLACEHOLDER_SIDE = 512;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<ObjectNode> manufacturers;

	private final List<ObjectNode> deviceModels;

	private final Map<String, ObjectNode> manufacturersById = new LinkedHashMap<>();

	private final Map<String, int[]> imageSizes = new LinkedHashMap<>();

	private final Map<String, byte[]> images = new ConcurrentHashMap<>();

	private DevicedbDataset(JsonNode document) {
		this.manufacturers = objects(document, "manufacturers");
		this.deviceModels = objects(document, "device_models");
		for (ObjectNode manufacturer : this.manufacturers) {
			String id = text(manufacturer, "manufacturer_id");
			if (id == null || this.manufacturersById.putIfAbsent(id, manufacturer) != null) {
				throw new IllegalStateException("devicedb: a manufacturer without a unique manufacturer_id");
			}
			noteImage(manufacturer.get("logo"));
		}
		for (ObjectNode model : this.deviceModels) {
			if (text(model, "device_model_id") == null
					|| !this.manufacturersById.containsKey(text(model, "manufacturer_id"))) {
				throw new IllegalStateException("devicedb: device model " + text(model, "device_model_id")
						+ " has no id or names no manufacturer of the catalogue");
			}
			for (JsonNode variant : model.path("aesthetic_variants")) {
				noteImage(variant.get("front_image"));
				noteImage(variant.get("back_image"));
				variant.path("images").forEach(this::noteImage);
			}
		}
	}

	/** The catalogue bundled with the server. */
	static DevicedbDataset bundled() {
		try (InputStream in = DevicedbDataset.class.getClassLoader().getResourceAsStream(BUNDLED)) {
			if (in == null) {
				throw new IllegalStateException(BUNDLED + " is missing from the classpath");
			}
			return new DevicedbDataset(JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A catalogue in the fake device database's format, from a file. */
	static DevicedbDataset fromFile(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new DevicedbDataset(JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("devicedb: cannot read the catalogue " + file, ex);
		}
	}

	/** A catalogue given as JSON text (for tests). */
	static DevicedbDataset of(String json) {
		return new DevicedbDataset(JSON.readTree(json));
	}

	List<ObjectNode> manufacturers() {
		return this.manufacturers;
	}

	List<ObjectNode> deviceModels() {
		return this.deviceModels;
	}

	Optional<ObjectNode> manufacturer(String manufacturerId) {
		return Optional.ofNullable(this.manufacturersById.get(manufacturerId));
	}

	/**
	 * The PNG of an image the catalogue names: its bundled file, else a placeholder;
	 * empty for an id the catalogue does not name.
	 */
	Optional<byte[]> image(String imageId) {
		int[] size = this.imageSizes.get(imageId);
		if (size == null) {
			return Optional.empty();
		}
		return Optional.of(this.images.computeIfAbsent(imageId, (id) -> bundledImage(id, size)));
	}

	private void noteImage(JsonNode reference) {
		if (reference == null || !reference.isObject()) {
			return;
		}
		String id = text(reference, "image_id");
		if (id != null) {
			this.imageSizes.putIfAbsent(id,
					new int[] { reference.path("width").asInt(1), reference.path("height").asInt(1) });
		}
	}

	private static byte[] bundledImage(String imageId, int[] size) {
		// The id is one the catalogue names; only ids of its own characters reach the
		// classpath, never a path.
		if (imageId.matches("[A-Za-z0-9-]+")) {
			try (InputStream in = DevicedbDataset.class.getClassLoader()
				.getResourceAsStream(IMAGES + imageId + ".png")) {
				if (in != null) {
					return in.readAllBytes();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return placeholder(size[0], size[1]);
	}

	static byte[] placeholder(int width, int height) {
		int w = Math.max(1, Math.min(width, MAX_PLACEHOLDER_SIDE));
		int h = Math.max(1, Math.min(height, MAX_PLACEHOLDER_SIDE));
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(new Color(0xE5, 0xE7, 0xEB));
			graphics.fillRect(0, 0, w, h);
		}
		finally {
			graphics.dispose();
		}
		return DeviceImages.png(image);
	}

	private static List<ObjectNode> objects(JsonNode document, String member) {
		JsonNode array = document.path(member);
		if (!array.isArray()) {
			throw new IllegalStateException("devicedb: the catalogue has no " + member + " array");
		}
		List<ObjectNode> objects = new ArrayList<>();
		for (JsonNode element : array) {
			if (!(element instanceof ObjectNode object)) {
				throw new IllegalStateException("devicedb: an element of " + member + " is not an object");
			}
			objects.add(object);
		}
		return Collections.unmodifiableList(objects);
	}

	static String text(JsonNode node, String member) {
		JsonNode value = node.get(member);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
