package dev.tollgate.bootstrap.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.bootstrap.config.TollgateConfig;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps deploy/kubernetes honest against the application it deploys: the probes ask the health endpoints, every
 * environment variable is a property the service reads, the kill grace outlasts the drain, the disruption budget
 * and the Service select the Deployment's pods, and the image is the one Dockerfile.jvm documents. Plain JUnit: the
 * manifests are parsed with Jackson YAML (already on the class path through smallrye-open-api). ProbePathsTest asks
 * the running service for the probes' paths.
 */
class KubernetesManifestsTest {

    // surefire runs in the module folder (bootstrap/)
    static final Path MANIFESTS = Path.of("../deploy/kubernetes");
    private static final Path DOCKERFILE_JVM = Path.of("src/main/docker/Dockerfile.jvm");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path CONFIGURATION_DOC = Path.of("../docs/configuration.md");
    private static final String SECRET_EXAMPLE = "secret.example.yaml";

    // Quarkus properties the manifests set that neither application.properties nor docs/configuration.md names
    private static final Set<String> MORE_QUARKUS_PROPERTIES = Set.of(
            "quarkus.datasource.jdbc.max-size"); // Agroal's pool size per replica: docs/operations.md

    private static Map<String, List<JsonNode>> byKind;
    private static Properties application;

    @BeforeAll
    static void parse() throws IOException {
        byKind = new HashMap<>();
        for (Path file : yamlFiles()) {
            for (JsonNode document : documents(file)) {
                assertTrue(document.hasNonNull("apiVersion"), file + ": apiVersion");
                if (!document.path("kind").asText().equals("Kustomization")) {
                    assertTrue(document.path("metadata").hasNonNull("name"), file + ": metadata.name");
                }
                byKind.computeIfAbsent(document.path("kind").asText(), kind -> new ArrayList<>()).add(document);
            }
        }
        application = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES)) {
            application.load(reader);
        }
    }

    @Test
    void theKustomizationListsEveryManifestButTheSecretExample() throws IOException {
        JsonNode kustomization = documents(MANIFESTS.resolve("kustomization.yaml")).get(0);
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));
        Set<String> present = new TreeSet<>();
        for (Path file : yamlFiles()) {
            present.add(file.getFileName().toString());
        }
        present.remove("kustomization.yaml");
        present.remove(SECRET_EXAMPLE);
        assertEquals(present, listed);
    }

    @Test
    void probesAskTheHealthEndpointsOnTheHttpPort() throws IOException {
        JsonNode container = container();
        assertEquals(ProbePathsTest.READINESS, container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(ProbePathsTest.LIVENESS, container.at("/livenessProbe/httpGet/path").asText());
        assertEquals(ProbePathsTest.STARTUP, container.at("/startupProbe/httpGet/path").asText());
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("http", container.path(probe).at("/httpGet/port").asText(), probe + " port");
        }
        // the health endpoints stay where the probes look
        assertFalse(application.containsKey("quarkus.http.non-application-root-path"));
        assertFalse(application.stringPropertyNames().stream().anyMatch(key -> key.startsWith("quarkus.smallrye-health.")));

        int httpPort = Integer.parseInt(application.getProperty("quarkus.http.port", "8080"));
        JsonNode port = only(container.path("ports"));
        assertEquals("http", port.path("name").asText());
        assertEquals(httpPort, port.path("containerPort").asInt());
        assertTrue(Files.readString(DOCKERFILE_JVM).contains("\nEXPOSE " + httpPort + "\n"), "Dockerfile.jvm EXPOSE");
    }

    @Test
    void theKillGraceOutlastsThePreStopPauseAndTheDrain() {
        JsonNode pod = deployment().at("/spec/template/spec");
        JsonNode preStop = only(pod.path("containers")).at("/lifecycle/preStop/exec/command");
        assertEquals("sleep", preStop.get(0).asText(), "preStop: " + preStop);
        long preStopSeconds = preStop.get(1).asLong();
        Duration shutdown = Duration.parse("PT" + application.getProperty("quarkus.shutdown.timeout"));

        long grace = pod.path("terminationGracePeriodSeconds").asLong();
        assertTrue(grace > preStopSeconds + shutdown.toSeconds(),
                "terminationGracePeriodSeconds " + grace + " <= preStop " + preStopSeconds + " s + shutdown " + shutdown);
    }

    @Test
    void everyEnvironmentVariableIsAPropertyTheServiceReads() throws IOException {
        List<Pattern> known = new ArrayList<>();
        tollgateProperties("tollgate", TollgateConfig.class, known);
        for (String property : application.stringPropertyNames()) {
            known.add(envPattern(property.replaceFirst("^%[a-z]+\\.", "")));
        }
        // docs/configuration.md names properties (`quarkus.http.proxy.trusted-proxies=<…>`) and some variables
        String doc = Files.readString(CONFIGURATION_DOC);
        Matcher documentedProperty = Pattern.compile("`((?:quarkus|tollgate)\\.[a-z0-9.\"-]*[a-z0-9\"])(?:=[^`]*)?`").matcher(doc);
        while (documentedProperty.find()) {
            known.add(envPattern(documentedProperty.group(1)));
        }
        Matcher documentedVariable = Pattern.compile("`((?:QUARKUS|TOLLGATE)_[A-Z0-9_]+)`").matcher(doc);
        while (documentedVariable.find()) {
            known.add(Pattern.compile(Pattern.quote(documentedVariable.group(1))));
        }
        MORE_QUARKUS_PROPERTIES.forEach(property -> known.add(envPattern(property)));

        Set<String> names = new TreeSet<>();
        configMap().path("data").fieldNames().forEachRemaining(names::add);
        container().path("env").forEach(variable -> names.add(variable.path("name").asText()));
        assertTrue(names.contains("TOLLGATE_MASTER_KEY") && names.contains("QUARKUS_DATASOURCE_JDBC_URL"), names.toString());

        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            if (known.stream().noneMatch(pattern -> pattern.matcher(name).matches())) {
                unknown.add(name);
            }
        }
        assertEquals(Set.of(), unknown, "environment variables no property of the service maps to");
    }

    @Test
    void secretsComeFromTheSecretAndNothingSecretFromTheConfigMap() throws IOException {
        configMap().path("data").fieldNames().forEachRemaining(name ->
                assertFalse(name.matches(".*(PASSWORD|SECRET|MASTER_KEY).*"), name + " belongs in the Secret"));
        assertEquals("tollgate-config", only(container().path("envFrom")).at("/configMapRef/name").asText());

        JsonNode example = documents(MANIFESTS.resolve(SECRET_EXAMPLE)).get(0);
        Map<String, String> fromSecret = new HashMap<>();
        for (JsonNode variable : container().path("env")) {
            JsonNode ref = variable.at("/valueFrom/secretKeyRef");
            assertFalse(ref.isMissingNode(), variable.path("name").asText() + " should come from the Secret");
            assertEquals(example.at("/metadata/name").asText(), ref.path("name").asText());
            assertTrue(example.path("stringData").has(ref.path("key").asText()), "key " + ref.path("key") + " in the example");
            fromSecret.put(variable.path("name").asText(), ref.path("key").asText());
        }
        assertTrue(fromSecret.keySet().containsAll(Set.of(
                "QUARKUS_DATASOURCE_PASSWORD", "TOLLGATE_MASTER_KEY", "TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET")), fromSecret.toString());
    }

    @Test
    void theBudgetTheServiceAndTheAutoscalerAllFindTheDeploymentsPods() {
        JsonNode deployment = deployment();
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode selector = deployment.at("/spec/selector/matchLabels");
        assertTrue(contains(podLabels, selector), "the Deployment's selector matches its own pods");

        JsonNode budget = only(byKind.get("PodDisruptionBudget"));
        assertEquals(selector, budget.at("/spec/selector/matchLabels"));
        int replicas = deployment.at("/spec/replicas").asInt();
        assertTrue(replicas >= 3, "replicas " + replicas);
        boolean leavesTwo = budget.at("/spec/maxUnavailable").asInt(Integer.MAX_VALUE) <= replicas - 2
                || budget.at("/spec/minAvailable").asInt(0) >= 2;
        assertTrue(leavesTwo, "the budget keeps at least two replicas: " + budget.path("spec"));

        JsonNode service = only(byKind.get("Service"));
        assertTrue(contains(podLabels, service.at("/spec/selector")), "the Service selects the pods");
        assertEquals("http", only(service.at("/spec/ports")).path("targetPort").asText());

        JsonNode autoscaler = only(byKind.get("HorizontalPodAutoscaler"));
        assertEquals(deployment.at("/metadata/name"), autoscaler.at("/spec/scaleTargetRef/name"));
        assertEquals(replicas, autoscaler.at("/spec/minReplicas").asInt());
    }

    @Test
    void theImageIsTheOneDockerfileJvmDocumentsAndRunsAsItsUser() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE_JVM);
        String image = container().path("image").asText();
        assertTrue(dockerfile.contains("docker build -f src/main/docker/Dockerfile.jvm -t " + image + " ."),
                image + " is not the tag Dockerfile.jvm's build command gives");

        Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(dockerfile);
        assertTrue(user.find(), "Dockerfile.jvm USER");
        JsonNode pod = deployment().at("/spec/template/spec");
        assertEquals(Integer.parseInt(user.group(1)), pod.at("/securityContext/runAsUser").asInt());
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());

        JsonNode container = container();
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertEquals("ALL", only(container.at("/securityContext/capabilities/drop")).asText());
        JsonNode tmp = only(container.path("volumeMounts"));
        assertEquals("/tmp", tmp.path("mountPath").asText());
        JsonNode volume = only(pod.path("volumes"));
        assertEquals(tmp.path("name").asText(), volume.path("name").asText());
        assertTrue(volume.has("emptyDir"), "/tmp is an emptyDir");
    }

    // --- the service's own properties, from the @ConfigMapping interface (SmallRye's kebab-case naming) ---------

    private static void tollgateProperties(String prefix, Class<?> group, List<Pattern> into) {
        for (Method method : group.getMethods()) {
            if (method.getParameterCount() != 0 || method.isDefault() || method.isSynthetic()) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = prefix + "." + (withName != null ? withName.value() : kebab(method.getName()));
            Type type = method.getGenericReturnType();
            Class<?> nested = configGroup(type);
            if (nested != null) {
                tollgateProperties(name, nested, into);
            } else if (type instanceof ParameterizedType map && map.getRawType() == Map.class
                    && configGroup(map.getActualTypeArguments()[1]) != null) {
                tollgateProperties(name + ".*", configGroup(map.getActualTypeArguments()[1]), into);
            } else {
                into.add(envPattern(name));
            }
        }
    }

    private static Class<?> configGroup(Type type) {
        if (type instanceof ParameterizedType optional && optional.getRawType() == Optional.class) {
            type = optional.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("dev.tollgate.") ? c : null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Quarkus' rule: upper case, every other character an underscore; {@code *} stands for any key. */
    private static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        for (String part : property.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[A-Z0-9_]+");
            }
            regex.append(Pattern.quote(part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
        }
        return Pattern.compile(regex.toString());
    }

    // --- reading ---------------------------------------------------------------------------------------------

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            List<Path> yaml = files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
            assertFalse(yaml.isEmpty(), "no manifests in " + MANIFESTS.toAbsolutePath());
            return yaml;
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var parser = yaml.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            yaml.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(document);
                }
            });
            return documents;
        }
    }

    private static JsonNode deployment() {
        return only(byKind.get("Deployment"));
    }

    private static JsonNode configMap() {
        return only(byKind.get("ConfigMap"));
    }

    private static JsonNode container() {
        return only(deployment().at("/spec/template/spec/containers"));
    }

    private static JsonNode only(Iterable<JsonNode> nodes) {
        assertNotNull(nodes);
        List<JsonNode> all = new ArrayList<>();
        nodes.forEach(all::add);
        assertEquals(1, all.size(), "expected exactly one: " + all);
        return all.get(0);
    }

    private static boolean contains(JsonNode labels, JsonNode selector) {
        assertFalse(selector.isEmpty(), "an empty selector selects everything");
        for (var entry : selector.properties()) {
            if (!entry.getValue().equals(labels.path(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
