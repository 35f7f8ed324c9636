package dev.tollgate.adapters.rest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tollgate.domain.admin.AdminResult;
import java.io.IOException;
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
            return value == null ? AdminResult.invalid("body", "a JSON object is required") : AdminResult.done(value);
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

    /** A query parameter that must be a whole number. */
    static AdminResult<Integer> number(String field, String value) {
        try {
            return AdminResult.done(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return AdminResult.invalid(field, "a whole number");
        }
    }
}
