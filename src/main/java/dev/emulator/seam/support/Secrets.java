package dev.emulator.seam.support;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random secrets and ids. Tokens follow Seam's visible format ({@code <prefix><8 chars>_<24 chars>}, base58 as in
 * Seam's token generator), which gives 32 base58 characters, about 187 bits of entropy from {@link SecureRandom}.
 */
public final class Secrets {

	private static final char[] BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** A token such as {@code seam_cst1AbCdEfGh_<24 chars>} for prefix {@code seam_cst1}. */
	public static String token(String prefix) {
		return prefix + base58(8) + "_" + base58(24);
	}

	public static String base58(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = BASE58[RANDOM.nextInt(BASE58.length)];
		}
		return new String(chars);
	}

	public static String newId() {
		return UUID.randomUUID().toString();
	}

}
