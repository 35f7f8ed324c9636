package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tollgate.domain.admin.AdminResult;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/** Strict reading of admin request bodies: unknown or repeated fields and wrong types name the field at fault. */
final class AdminJson {

    private static final ObjectMapper STRICT = strictMapper();

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // a number or boolean where text is expected is a mistake to report, not a value to convert
        for (CoercionInputShape shape : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    private AdminJson() {
    }

    static <T> AdminResult<T> read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            return AdminResult.invalid("body", "a JSON object is required");
        }
        try {
            T value = STRICT.readValue(body, type);
            if (value == null) {
                return AdminResult.invalid("body", "a JSON object is required");
            }
            // PostgreSQL text cannot hold NUL: refused here, not as a failed insert (22021)
            String nul = fieldWithNul(STRICT.readTree(body), "");
            return nul != null ? AdminResult.invalid(nul.isEmpty() ? "body" : nul, "must not contain NUL characters")
                    : AdminResult.done(value);
        } catch (UnrecognizedPropertyException e) {
            return AdminResult.invalid(e.getPropertyName(), "unknown field");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return AdminResult.invalid(field.isEmpty() ? "body" : field, "wrong type or shape");
        } catch (JsonProcessingException e) {
            return AdminResult.invalid("body", e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Duplicate field") ? "a field is repeated" : "not valid JSON");
        } catch (IOException e) {
            return AdminResult.invalid("body", "not valid JSON");
        }
    }

    /** The path of the first field whose name or text holds a NUL, or null. */
    private static String fieldWithNul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = fieldWithNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); node.isObject() && it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            String found = field.getKey().indexOf('\0') >= 0 ? "body" : fieldWithNul(field.getValue(), name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A query parameter that must be a whole number. */
    static AdminResult<Integer> number(String field, String value) {
        try {
            return AdminResult.done(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return AdminResult.invalid(field, "a whole number");
        }
    }
}
