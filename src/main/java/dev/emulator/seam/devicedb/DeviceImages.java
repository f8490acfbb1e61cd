package dev.emulator.seam.devicedb;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import dev.emulator.seam.web.PublicUrl;

import org.springframework.stereotype.Component;

/**
 * The pictures device objects point to ({@code properties.image_url}, BEHAVIOUR 6.6): one
 * URL per device type, on this server's public address (never the request's
 * {@code Host}), answered by the catalogue's image route without a credential. The
 * picture is drawn by the server, one per kind of device (a lock, a thermostat, a noise
 * sensor, a phone; a lock for any other type, as Seam Components' own fallback is one),
 * so that nothing a client shows comes from another host.
 */
@Component
public class DeviceImages {

	/** How the image route tells a device type's picture from a catalogue image. */
	static final String ID_PREFIX = "device_type.";

	// Seam's device types are lower-case words joined by underscores.
	private static final Pattern DEVICE_TYPE = Pattern.compile("[a-z0-9_]{1,64}");

	// Noise sensors whose type does not end in _sensor.
	private static final Set<String> NOISE_SENSORS = Set.of("noiseaware_activity_zone");

	private static final int SIDE = 256;

	private static final Color BODY = new Color(0x4B, 0x55, 0x63);

	private static final Color LIGHT = new Color(0xD1, 0xD5, 0xDB);

	private static final Color ACCENT = new Color(0x25, 0x63, 0xEB);

	private final PublicUrl publicUrl;

	// One drawing per kind, whatever the number of device types asked for.
	private final Map<Kind, byte[]> drawn = new ConcurrentHashMap<>();

	DeviceImages(PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
	}

	/** The URL of the picture of a device of this type. */
	public String url(String deviceType) {
		return this.publicUrl.base() + DevicedbService.IMAGE_PATH + "?image_id="
				+ URLEncoder.encode(ID_PREFIX + deviceType, StandardCharsets.UTF_8);
	}

	/**
	 * The PNG for an image id of the form {@code device_type.<type>}; empty for any other
	 * id (a catalogue image, or nothing).
	 */
	Optional<byte[]> png(String imageId) {
		if (!imageId.startsWith(ID_PREFIX)) {
			return Optional.empty();
		}
		String deviceType = imageId.substring(ID_PREFIX.length());
		if (!DEVICE_TYPE.matcher(deviceType).matches()) {
			return Optional.empty();
		}
		return Optional.of(this.drawn.computeIfAbsent(Kind.of(deviceType), DeviceImages::draw));
	}

	enum Kind {

		LOCK, THERMOSTAT, NOISE_SENSOR, PHONE;

		static Kind of(String deviceType) {
			if (deviceType.endsWith("_thermostat")) {
				return THERMOSTAT;
			}
			if (NOISE_SENSORS.contains(deviceType) || deviceType.endsWith("_sensor")) {
				return NOISE_SENSOR;
			}
			if (deviceType.endsWith("_phone")) {
				return PHONE;
			}
			return LOCK;
		}

	}

	static byte[] draw(Kind kind) {
		BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			switch (kind) {
				case LOCK -> drawLock(g);
				case THERMOSTAT -> drawThermostat(g);
				case NOISE_SENSOR -> drawNoiseSensor(g);
				case PHONE -> drawPhone(g);
			}
		}
		finally {
			g.dispose();
		}
		return png(image);
	}

	/** The image as PNG bytes, as the image route serves it. */
	static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void drawLock(Graphics2D g) {
		g.setColor(LIGHT);
		g.setStroke(new BasicStroke(22, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
		g.draw(new Arc2D.Double(78, 36, 100, 110, 0, 180, Arc2D.OPEN));
		g.fillRect(67, 90, 22, 30);
		g.fillRect(167, 90, 22, 30);
		g.setColor(BODY);
		g.fill(new RoundRectangle2D.Double(48, 112, 160, 120, 24, 24));
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(114, 148, 28, 28));
		g.fillRect(122, 168, 12, 34);
	}

	private static void drawThermostat(Graphics2D g) {
		g.setColor(BODY);
		g.fill(new Ellipse2D.Double(24, 24, 208, 208));
		g.setColor(LIGHT);
		g.fill(new Ellipse2D.Double(48, 48, 160, 160));
		g.setColor(ACCENT);
		g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Arc2D.Double(72, 72, 112, 112, 225, -200, Arc2D.OPEN));
		g.setColor(BODY);
		g.fill(new Ellipse2D.Double(116, 116, 24, 24));
	}

	private static void drawNoiseSensor(Graphics2D g) {
		g.setColor(BODY);
		g.fill(new RoundRectangle2D.Double(40, 40, 176, 176, 72, 72));
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(76, 112, 32, 32));
		g.setStroke(new BasicStroke(12, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		for (int wave = 0; wave < 3; wave++) {
			double radius = 36 + wave * 24;
			g.draw(new Arc2D.Double(92 - radius, 128 - radius, 2 * radius, 2 * radius, -40, 80, Arc2D.OPEN));
		}
	}

	private static void drawPhone(Graphics2D g) {
		g.setColor(BODY);
		g.fill(new RoundRectangle2D.Double(72, 20, 112, 216, 28, 28));
		g.setColor(LIGHT);
		g.fill(new RoundRectangle2D.Double(82, 40, 92, 160, 8, 8));
		g.setColor(Color.WHITE);
		g.fill(new Ellipse2D.Double(118, 208, 20, 20));
	}

}
