package dev.emulator.seam.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner reads: created with that mode (never briefly wider), written,
 * then moved in place.
 */
final class OwnerOnlyFiles {

	private OwnerOnlyFiles() {
	}

	/** Creates {@code file}; fails if it exists. */
	static void write(Path file, String content) throws IOException {
		Path temp = writeTemp(file, content);
		try {
			// A hard link fails when the target exists, where a move would replace it.
			Files.createLink(file, temp);
		}
		catch (UnsupportedOperationException ex) {
			Files.move(temp, file);
			return;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Creates or replaces {@code file} atomically. */
	static void replace(Path file, String content) throws IOException {
		Path temp = writeTemp(file, content);
		try {
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static Path writeTemp(Path file, String content) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
		Files.deleteIfExists(temp);
		try {
			Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the directory's permissions apply.
			Files.createFile(temp);
		}
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		return temp;
	}

}
