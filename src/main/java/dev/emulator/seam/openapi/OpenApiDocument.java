package dev.emulator.seam.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document of this server, before credentials are filled in: Seam's document
 * for the routes this server shares with Seam
 * ({@code openapi/seam-client-sessions.openapi.json}, taken from Seam's OpenAPI in
 * {@code @seamapi/types}, and {@code openapi/seam-device-actions.openapi.json}, the paths
 * of Seam's device-action document this server answers with the schemas they refer to)
 * merged with the document of the routes only this server has
 * ({@code openapi/emulator.openapi.json}). The tests validate responses against this same
 * merged document.
 */
public final class OpenApiDocument {

	static final String SEAM_DOCUMENT = "openapi/seam-client-sessions.openapi.json";

	static final String EMULATOR_DOCUMENT = "openapi/emulator.openapi.json";

	/**
	 * Further paths of Seam's document (locks, action attempts, access codes), added with
	 * their schemas.
	 */
	static final String SEAM_DEVICE_ACTIONS_DOCUMENT = "openapi/seam-device-actions.openapi.json";

	/**
	 * In the emulator document: this operation is the named one of the same path under
	 * another method.
	 */
	private static final String SAME_AS = "x-emulator-same-as";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private OpenApiDocument() {
	}

	/**
	 * A fresh copy of the merged document. Paths and operations of the emulator document
	 * are added to Seam's (an operation Seam's document already has is kept as it is);
	 * tags and security schemes are appended; the server is this one ({@code /}).
	 */
	public static ObjectNode merged() {
		ObjectNode document = (ObjectNode) read(SEAM_DOCUMENT);
		ObjectNode emulator = (ObjectNode) read(EMULATOR_DOCUMENT);
		addSeamPaths(document, (ObjectNode) read(SEAM_DEVICE_ACTIONS_DOCUMENT));
		document.putObject("info")
			.put("title", "Seam emulator")
			.put("version", "1.0.0")
			.put("description", "The routes this server answers. Seam's own routes are described by Seam's OpenAPI "
					+ "document (@seamapi/types 1.977.0, trimmed to client sessions and the resources they scope); "
					+ "the emulator's own routes (health, sandbox, probes, metrics) are added. Use Authorize with an "
					+ "API key (with SEAM_SEED=true: seam_apikey1_token) to try the routes.");
		document.putArray("servers").addObject().put("url", "/").put("description", "this server");
		ArrayNode tags = (ArrayNode) document.get("tags");
		emulator.path("tags").forEach(tags::add);
		ObjectNode schemes = (ObjectNode) document.get("components").get("securitySchemes");
		emulator.path("components")
			.path("securitySchemes")
			.properties()
			.forEach((e) -> schemes.set(e.getKey(), e.getValue()));
		ObjectNode paths = (ObjectNode) document.get("paths");
		for (Map.Entry<String, JsonNode> path : emulator.get("paths").properties()) {
			ObjectNode target = (paths.get(path.getKey()) instanceof ObjectNode existing) ? existing
					: paths.putObject(path.getKey());
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (target.has(operation.getKey())) {
					continue;
				}
				target.set(operation.getKey(), resolveSameAs(target, (ObjectNode) operation.getValue()));
			}
		}
		return document;
	}

	/**
	 * Paths and schemas of another part of Seam's document; what Seam's main part already
	 * has is kept.
	 */
	private static void addSeamPaths(ObjectNode document, ObjectNode part) {
		ObjectNode schemas = (ObjectNode) document.get("components").get("schemas");
		part.path("components").path("schemas").properties().forEach((schema) -> {
			if (!schemas.has(schema.getKey())) {
				schemas.set(schema.getKey(), schema.getValue());
			}
		});
		ObjectNode paths = (ObjectNode) document.get("paths");
		part.get("paths").properties().forEach((path) -> {
			if (!paths.has(path.getKey())) {
				paths.set(path.getKey(), path.getValue());
			}
		});
	}

	private static ObjectNode resolveSameAs(ObjectNode pathItem, ObjectNode operation) {
		JsonNode sameAs = operation.get(SAME_AS);
		if (sameAs == null) {
			return operation;
		}
		if (!(pathItem.get(sameAs.asString()) instanceof ObjectNode original)) {
			throw new IllegalStateException(SAME_AS + ": no " + sameAs.asString() + " operation to copy");
		}
		ObjectNode copy = original.deepCopy();
		copy.setAll(operation);
		copy.remove(SAME_AS);
		copy.put("summary", "Same as " + sameAs.asString().toUpperCase(java.util.Locale.ROOT) + ".");
		return copy;
	}

	private static JsonNode read(String resource) {
		try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
