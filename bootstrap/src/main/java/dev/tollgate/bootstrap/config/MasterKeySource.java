package dev.tollgate.bootstrap.config;

import dev.tollgate.adapters.crypto.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the master key comes from: {@code tollgate.master-key}, else {@code tollgate.master-key-file}, created on
 * first use only where generation is allowed (dev, demo). A packaged run without either refuses to start, because
 * keys sealed under a forgotten random key would be lost at the next restart.
 */
public final class MasterKeySource {

    static final String MISSING = """
            No master key configured. Tollgate seals tenants' signing keys with it and refuses to start without one.
            Set TOLLGATE_MASTER_KEY to the base64 of 32 random bytes (for example: openssl rand -base64 32),
            or TOLLGATE_MASTER_KEY_FILE to a file holding it. Keep it: without it the stored keys cannot be opened.""";

    private MasterKeySource() {
    }

    public static MasterKey load(TollgateConfig config) {
        Optional<String> inline = config.masterKey().filter(s -> !s.isBlank());
        if (inline.isPresent()) {
            return MasterKey.fromBase64(inline.get().trim());
        }
        if (config.masterKeyFile().isEmpty()) {
            throw new IllegalStateException(MISSING);
        }
        Path file = config.masterKeyFile().get();
        try {
            if (!Files.exists(file)) {
                if (!config.generateMasterKey()) {
                    throw new IllegalStateException("The master key file " + file + " does not exist. " + MISSING);
                }
                create(file);
            }
            return MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".master-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on file systems without POSIX permissions
        }
        Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
