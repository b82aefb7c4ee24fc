package dev.attentive.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into the Kubernetes API's types (fabric8's models) as strictly as the
 * API server would decode them: an unknown field, a number where a string belongs or a string where
 * a number belongs fails.
 *
 * <p>fabric8's classes keep unknown fields in {@code additionalProperties} (a Jackson any-setter)
 * instead of failing, so the mapper drops that any-setter from every fabric8 model class, and
 * FAIL_ON_UNKNOWN_PROPERTIES then reports the field.
 */
final class KubernetesApi {

  /** The API types the chart may render, by apiVersion and kind. */
  static final Map<String, Class<?>> TYPES =
      Map.ofEntries(
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          // a KEDA CRD, not in fabric8's models: its fields as KEDA v2 defines them, below
          Map.entry("keda.sh/v1alpha1/ScaledObject", ScaledObject.class));

  static final ObjectMapper STRICT = strictMapper();

  private KubernetesApi() {}

  /**
   * The document as its API type.
   *
   * @throws IllegalArgumentException naming the document and the offending field when it does not
   *     decode
   */
  static Object decode(JsonNode doc) {
    String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    String name = type + " " + doc.path("metadata").path("name").asText();
    Class<?> cls = TYPES.get(type);
    if (cls == null) {
      throw new IllegalArgumentException(name + ": not an API type this check knows");
    }
    try {
      Object decoded = STRICT.treeToValue(doc, cls);
      if (decoded instanceof HasMetadata resource
          && (resource.getMetadata() == null || resource.getMetadata().getName() == null)) {
        throw new IllegalArgumentException(name + ": no metadata.name");
      }
      return decoded;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          name + ": " + e.getOriginalMessage() + " at " + path(e), e);
    }
  }

  private static String path(com.fasterxml.jackson.core.JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
      return mapping.getPathReference();
    }
    return "?";
  }

  private static ObjectMapper strictMapper() {
    SimpleModule noAnySetter = new SimpleModule("fabric8-strict");
    noAnySetter.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public BeanDeserializerBuilder updateBuilder(
              DeserializationConfig config,
              BeanDescription description,
              BeanDeserializerBuilder builder) {
            if (description
                .getBeanClass()
                .getName()
                .startsWith("io.fabric8.kubernetes.api.model")) {
              builder.setAnySetter(null);
            }
            return builder;
          }
        });
    // A quantity is a string or a number ("1Gi", 1); a malformed one ("1 GB") fails.
    noAnySetter.addDeserializer(
        Quantity.class,
        new StdDeserializer<>(Quantity.class) {
          @Override
          public Quantity deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            if (!parser.currentToken().isScalarValue() || parser.currentToken().isBoolean()) {
              return (Quantity) context.handleUnexpectedToken(Quantity.class, parser);
            }
            Quantity quantity = new Quantity(parser.getValueAsString());
            try {
              Quantity.getAmountInBytes(quantity);
            } catch (IllegalArgumentException | ArithmeticException e) {
              return (Quantity)
                  context.handleWeirdStringValue(
                      Quantity.class, parser.getValueAsString(), "not a quantity");
            }
            return quantity;
          }
        });
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(noAnySetter)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    // The API server decodes JSON into Go types: "2" is no int32, 2 is no string, "true" no bool.
    for (CoercionInputShape shape :
        List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    return mapper;
  }

  /** KEDA's ScaledObject (keda.sh/v1alpha1), the fields of KEDA 2.x's CRD. */
  record ScaledObject(String apiVersion, String kind, ObjectMeta metadata, ScaledObjectSpec spec) {}

  record ScaledObjectSpec(
      ScaleTarget scaleTargetRef,
      Integer pollingInterval,
      Integer cooldownPeriod,
      Integer initialCooldownPeriod,
      Integer idleReplicaCount,
      Integer minReplicaCount,
      Integer maxReplicaCount,
      JsonNode advanced,
      JsonNode fallback,
      List<ScaleTrigger> triggers) {}

  record ScaleTarget(String apiVersion, String kind, String name, String envSourceContainerName) {}

  /** A trigger; KEDA's metadata is a map of strings. */
  record ScaleTrigger(
      String type,
      String name,
      Boolean useCachedMetrics,
      String metricType,
      Map<String, String> metadata,
      AuthenticationRef authenticationRef) {}

  record AuthenticationRef(String name, String kind) {}
}
