package dev.emulator.seam.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for secrets the API must be able to return (a client session's token:
 * {@code get} and {@code list} show it), so that a database dump holds no usable
 * credential. Each value gets a fresh 96-bit nonce; the row's id is bound in as
 * associated data, so a ciphertext copied onto another row does not decrypt. Output:
 * base64(nonce || ciphertext || tag).
 */
public final class TokenCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	// Cipher.getInstance looks the algorithm up in the providers on every call (a
	// measurable share of a token read, see BENCHMARKS.md); an instance is not
	// thread-safe, but may be initialised again for every message.
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(TokenCipher::newCipher);

	public TokenCipher(byte[] key) {
		if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
			throw new IllegalArgumentException("An AES key is 16, 24 or 32 bytes");
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	public String encrypt(String plaintext, String associatedData) {
		byte[] nonce = new byte[NONCE_BYTES];
		Secrets.nextBytes(nonce);
		try {
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not sealed with this key for this
	 * associated data
	 */
	public String decrypt(String sealed, String associatedData) {
		try {
			byte[] in = Base64.getDecoder().decode(sealed);
			Cipher cipher = this.ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt a stored token: wrong token encryption key?", ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM/NoPadding is not available", ex);
		}
	}

}
