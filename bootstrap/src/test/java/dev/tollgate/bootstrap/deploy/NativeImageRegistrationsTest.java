package dev.tollgate.bootstrap.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tollgate.bootstrap.nativeimage.NativeImageRegistrations;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the native image's reflection list in step with the REST adapter: a record added there (a new response or
 * request body) without a registration would work in JVM mode and fail only in a native executable.
 */
class NativeImageRegistrationsTest {

    // The console's records are Qute template data: Qute generates their value resolvers at build time.
    private static final String CONSOLE = "dev.tollgate.adapters.rest.console";

    @Test
    void everyRecordOfTheRestAdapterIsRegisteredForReflection() {
        Set<String> records = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tollgate.adapters.rest")) {
            if (type.isRecord() && !type.getPackageName().startsWith(CONSOLE)) {
                records.add(type.getName());
            }
        }
        assertFalse(records.isEmpty(), "records of adapters/rest");

        Set<String> missing = new TreeSet<>(records);
        registered().forEach(missing::remove);
        assertEquals(Set.of(), missing, "records missing from NativeImageRegistrations");
    }

    @Test
    void everyRegisteredNameIsAClass() {
        for (String name : registered()) {
            assertTrue(loads(name), name);
        }
    }

    private static List<String> registered() {
        return List.of(NativeImageRegistrations.class.getAnnotation(RegisterForReflection.class).classNames());
    }

    private static boolean loads(String name) {
        try {
            Class.forName(name, false, NativeImageRegistrationsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
