package dev.emulator.seam.support;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random secrets and ids. Tokens follow Seam's visible format
 * ({@code <prefix><8 chars>_<24 chars>}, base58 as in Seam's token generator), which
 * gives 32 base58 characters, about 187 bits of entropy from a {@link SecureRandom}.
 * <p>
 * Each thread has its own DRBG {@link SecureRandom}: the platform default on Linux
 * (NativePRNG) serialises every caller in the JVM on one lock, and every request drew
 * from it (its request id; a create draws 35 times), which made requests queue behind
 * each other (see BENCHMARKS.md).
 */
public final class Secrets {

	private static final char[] BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();

	// 232 = 4 x 58: bytes below it map uniformly onto the alphabet; bytes from it up are
	// drawn again.
	private static final int BASE58_LIMIT = 256 - (256 % BASE58.length);

	private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Secrets::newRandom);

	private Secrets() {
	}

	/**
	 * A token such as {@code seam_cst1AbCdEfGh_<24 chars>} for prefix {@code seam_cst1}.
	 */
	public static String token(String prefix) {
		return prefix + base58(8) + "_" + base58(24);
	}

	public static String base58(int length) {
		char[] chars = new char[length];
		byte[] bytes = new byte[length + length / 4 + 4];
		int next = bytes.length;
		for (int i = 0; i < length;) {
			if (next == bytes.length) {
				nextBytes(bytes);
				next = 0;
			}
			int value = bytes[next++] & 0xff;
			if (value < BASE58_LIMIT) {
				chars[i++] = BASE58[value % BASE58.length];
			}
		}
		return new String(chars);
	}

	/**
	 * A random (version 4) UUID, as {@link UUID#randomUUID()} makes, from this thread's
	 * generator.
	 */
	public static String newId() {
		byte[] bytes = new byte[16];
		nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		return new UUID(buffer.getLong(), buffer.getLong()).toString();
	}

	/** Fills {@code bytes} from this thread's cryptographically strong generator. */
	public static void nextBytes(byte[] bytes) {
		RANDOM.get().nextBytes(bytes);
	}

	private static SecureRandom newRandom() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			return new SecureRandom();
		}
	}

}
