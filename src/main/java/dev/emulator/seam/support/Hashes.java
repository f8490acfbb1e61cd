package dev.emulator.seam.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lowercase hex: the form every credential is looked up by (the seed fixture
 * computes the same with PostgreSQL's {@code encode(sha256(...), 'hex')}).
 */
public final class Hashes {

	private Hashes() {
	}

	/**
	 * Whether {@code storedHash} is the hash of {@code secret}, compared in constant
	 * time. Lookups find rows through the hash's index; this re-check on the row found
	 * keeps the comparison itself free of timing differences.
	 */
	public static boolean matches(String secret, String storedHash) {
		return storedHash != null && MessageDigest.isEqual(sha256Hex(secret).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	public static String sha256Hex(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

}
