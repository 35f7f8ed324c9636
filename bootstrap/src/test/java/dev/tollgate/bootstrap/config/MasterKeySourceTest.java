package dev.tollgate.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the master key comes from, and the refusal to start without one. */
class MasterKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void refusesToStartWithoutAKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterKeySource.load(config(Optional.empty(), Optional.empty(), false)));
        assertTrue(e.getMessage().contains("TOLLGATE_MASTER_KEY"), e.getMessage());
    }

    @Test
    void refusesAMissingFileUnlessGenerationIsAllowed() {
        Path file = dir.resolve("master.key");
        assertThrows(IllegalStateException.class,
                () -> MasterKeySource.load(config(Optional.empty(), Optional.of(file), false)));
        assertFalse(Files.exists(file));
    }

    @Test
    void generatesAPrivateKeyFileOnceAndReusesIt() throws Exception {
        Path file = dir.resolve("nested/master.key");
        MasterKeySource.load(config(Optional.empty(), Optional.of(file), true));
        String first = Files.readString(file);
        assertEquals(32, Base64.getDecoder().decode(first.trim()).length);
        assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file));
        MasterKeySource.load(config(Optional.empty(), Optional.of(file), true));
        assertEquals(first, Files.readString(file), "an existing key file must never be replaced");
    }

    @Test
    void inlineKeyMustBe32Bytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MasterKeySource.load(config(Optional.of(shortKey), Optional.empty(), false)));
        assertFalse(e.getMessage().contains(shortKey), "the message must not echo the key");
        MasterKeySource.load(config(Optional.of(Base64.getEncoder().encodeToString(new byte[32])), Optional.empty(),
                false));
    }

    private static TollgateConfig config(Optional<String> key, Optional<Path> file, boolean generate) {
        return new TollgateConfig() {
            @Override
            public URI publicUrl() {
                return URI.create("http://localhost:8080");
            }

            @Override
            public Optional<String> defaultTenant() {
                return Optional.empty();
            }

            @Override
            public Optional<String> masterKey() {
                return key;
            }

            @Override
            public Optional<Path> masterKeyFile() {
                return file;
            }

            @Override
            public boolean generateMasterKey() {
                return generate;
            }

            @Override
            public int passwordBcryptCost() {
                return 12;
            }

            @Override
            public Bootstrap bootstrap() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Demo demo() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Deprecation deprecation() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Usage usage() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Revocation revocation() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public JwtBearer jwtBearer() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Moltin moltin() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Cache cache() {
                throw new UnsupportedOperationException("not used by MasterKeySource");
            }

            @Override
            public Abuse abuse() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
