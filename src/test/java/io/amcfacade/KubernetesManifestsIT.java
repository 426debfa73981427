package io.amcfacade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes manifests and Helm chart that {@code ./mvnw -B package} generates (target/kubernetes, target/helm),
 * checked offline: every document reads into the Kubernetes API's own model classes (fabric8) with no field those
 * classes do not know, anywhere in the tree (a misspelt or misplaced field is an error here, not silently dropped by
 * the API server); then what docs/deploying.md promises: probes, two replicas, requests and limits, a disruption
 * budget and an autoscaler over the Deployment's pods, non-root with a read-only root filesystem, secrets by
 * reference only, migrations by the owner in a Job and never by the replicas; and a chart whose templates use only
 * values it defines.
 */
class KubernetesManifestsIT {

    private static final Path MANIFESTS = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path CHART = Path.of("target", "helm", "kubernetes", "amc-admin-facade");
    /** Settings whose value is a secret: never a literal in a manifest. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|SIGNING_KEY|CLIENT_ID).*");

    private static List<HasMetadata> resources;

    @BeforeAll
    static void read() throws IOException {
        assertThat(MANIFESTS).as("./mvnw package wrote the manifests").exists();
        KubernetesSerialization serialization = new KubernetesSerialization();
        resources = new ArrayList<>();
        for (String document : Files.readString(MANIFESTS).split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object parsed = serialization.unmarshal(document);
            assertThat(parsed).as("a Kubernetes resource: %s", document).isInstanceOf(HasMetadata.class);
            resources.add((HasMetadata) parsed);
        }
    }

    @Test
    void everyDocumentIsAKnownKindWithOnlyFieldsTheApiDefines() {
        for (HasMetadata resource : resources) {
            assertThat(resource).as("%s %s is a kind the API model knows", resource.getKind(),
                    resource.getMetadata().getName()).isNotInstanceOf(GenericKubernetesResource.class);
            List<String> unknown = new ArrayList<>();
            unknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown,
                    new IdentityHashMap<>());
            assertThat(unknown).as("fields the Kubernetes API does not define").isEmpty();
        }
        assertThat(resources).extracting(HasMetadata::getKind)
                .contains("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Job", "ConfigMap")
                .doesNotContain("Secret");
    }

    @Test
    void theDeploymentRunsTwoNonRootReplicasWithProbesAndMeasuredResources() {
        Deployment deployment = one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .as("a selector without the version, so a new version's rollout is an update, not a refused change")
                .doesNotContainKey("app.kubernetes.io/version");

        Container facade = facade(deployment);
        assertThat(facade.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(facade.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(facade.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(facade.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(facade.getResources().getLimits()).containsKey("memory");

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L); // the image's user (Dockerfile.jvm)
        assertThat(facade.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(facade.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(facade.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            assertThat(pod.getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(mount.getName());
                assertThat(volume.getEmptyDir()).isNotNull();
            });
        });
    }

    @Test
    void secretsAreReferencesAndOnlyTheJobHoldsTheSchemaOwner() {
        Deployment deployment = one(Deployment.class);
        Job migrate = one(Job.class);
        List<EnvVar> facadeEnv = facade(deployment).getEnv();
        List<EnvVar> jobEnv = migrate.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        for (EnvVar env : concat(facadeEnv, jobEnv)) {
            if (SECRET_NAME.matcher(env.getName()).matches()) {
                assertThat(env.getValue()).as("%s has no value in clear", env.getName()).isNull();
                assertThat(env.getValueFrom().getSecretKeyRef()).as("%s comes from a Secret", env.getName()).isNotNull();
            }
        }
        assertThat(value(facadeEnv, "QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("amc-admin-facade-db");
        assertThat(facadeEnv).extracting(EnvVar::getName)
                .as("the replicas never hold the owner's credentials")
                .doesNotContain("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
        assertThat(value(facadeEnv, "QUARKUS_FLYWAY_ACTIVE").getValue()).isEqualTo("false");

        assertThat(value(jobEnv, "QUARKUS_INIT_AND_EXIT").getValue()).isEqualTo("true");
        assertThat(value(jobEnv, "QUARKUS_FLYWAY_ACTIVE").getValue()).isEqualTo("true");
        assertThat(value(jobEnv, "QUARKUS_FLYWAY_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("amc-admin-facade-db-owner");
        assertThat(migrate.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .as("the Job migrates with the image the Deployment runs").isEqualTo(facade(deployment).getImage());
        assertThat(migrate.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
        assertThat(one(ConfigMap.class).getData()).allSatisfy(
                (name, value) -> assertThat(name).as("no secret in the ConfigMap").doesNotMatch(SECRET_NAME));
    }

    @Test
    void everyRegionIsConfiguredAndARegionsOwnIdentityComesFromAnOptionalSecret() {
        Container facade = facade(one(Deployment.class));
        assertThat(facade.getEnvFrom()).as("the settings and the per-region identities, both as environment")
                .anySatisfy(from -> assertThat(from.getConfigMapRef()).isNotNull()
                        .extracting(ref -> ref.getName()).isEqualTo("amc-admin-facade-config"))
                .anySatisfy(from -> {
                    assertThat(from.getSecretRef()).isNotNull();
                    assertThat(from.getSecretRef().getName()).isEqualTo("amc-admin-facade-lwa-regions");
                    assertThat(from.getSecretRef().getOptional()).as("one identity for every region by default").isTrue();
                });
        assertThat(one(ConfigMap.class).getData()).as("the example is a company in all three regions")
                .containsEntry("AMC_REGIONS_NA_BASE_URL", "https://advertising-api.amazon.com")
                .containsEntry("AMC_REGIONS_EU_BASE_URL", "https://advertising-api-eu.amazon.com")
                .containsEntry("AMC_REGIONS_FE_BASE_URL", "https://advertising-api-fe.amazon.com")
                .doesNotContainKey("AMC_API_BASE_URL");
    }

    @Test
    void theBudgetTheAutoscalerAndTheServiceCoverTheDeploymentsPods() {
        Deployment deployment = one(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

        PodDisruptionBudget budget = one(PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isGreaterThanOrEqualTo(1);

        HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());

        Service service = one(Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(facade(deployment).getPorts()).anySatisfy(port -> assertThat(port.getContainerPort())
                .isEqualTo(service.getSpec().getPorts().get(0).getTargetPort().getIntVal()));
    }

    @Test
    void theChartsTemplatesUseOnlyValuesItDefines() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode chart = yaml.readTree(CHART.resolve("Chart.yaml").toFile());
        assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
        assertThat(chart.path("name").asText()).isEqualTo("amc-admin-facade");
        assertThat(chart.path("version").asText()).isNotEmpty();
        JsonNode values = yaml.readTree(CHART.resolve("values.yaml").toFile());
        assertThat(values.at("/app/config/AMC_REGIONS_EU_BASE_URL").isTextual()).isTrue();

        Pattern reference = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");
        List<String> undefined = new ArrayList<>();
        try (var templates = Files.list(CHART.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = reference.matcher(Files.readString(template));
                while (m.find()) {
                    if (values.at(m.group(1).replace('.', '/')).isMissingNode()) {
                        undefined.add(template.getFileName() + ": .Values" + m.group(1));
                    }
                }
            }
        }
        assertThat(undefined).as("template references without a value in values.yaml").isEmpty();
        String configMap = Files.readString(CHART.resolve("templates").resolve("configmap.yaml"));
        assertThat(configMap).contains("toYaml .Values.app.config");
    }

    /** Every field a fabric8 model object holds in its additionalProperties: a field the API does not define. */
    private static void unknownFields(Object object, String path, List<String> unknown, Map<Object, Boolean> seen) {
        if (object == null || seen.put(object, Boolean.TRUE) != null) {
            return;
        }
        if (object instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(object);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                } else {
                    unknownFields(value, path + "." + field.getName(), unknown, seen);
                }
            }
        }
    }

    private static <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = resources.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as("one %s", kind.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static Container facade(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("amc-admin-facade")).findFirst().orElseThrow();
    }

    private static EnvVar value(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set"));
    }

    private static List<EnvVar> concat(List<EnvVar> a, List<EnvVar> b) {
        List<EnvVar> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
