package io.oms.api.listing;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sparse fieldsets for every GET of a resource or a list of them: {@code ?fields=id,state} keeps only those
 * properties of each resource (of each item of a page; {@code next} stays). The resource type comes from the
 * handler's declared return type (a record), so an unknown field is a 400 even on an empty page, and an
 * endpoint whose answer is not a resource record refuses {@code fields}. Implemented once, here, for all
 * controllers.
 */
@RestControllerAdvice
public class SparseFieldsets implements ResponseBodyAdvice<Object> {
    public static final String FIELDS = "fields";

    private final JsonMapper json;

    public SparseFieldsets(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet) || body == null) return body;
        HttpServletRequest http = servlet.getServletRequest();
        String fields = http.getParameter(FIELDS);
        if (fields == null || !"GET".equals(http.getMethod()) || !http.getRequestURI().startsWith("/api/")) return body;
        Class<?> resource = resourceType(returnType, body);
        if (resource == null || !resource.isRecord()) {
            throw ApiException.validation(List.of(new FieldProblem(FIELDS, "this endpoint does not take fields")));
        }
        Set<String> wanted = wanted(fields, propertyNames(resource));
        JsonNode tree = json.valueToTree(body);
        if (body instanceof Page<?>) {
            tree.get("items").forEach(item -> ((ObjectNode) item).retain(wanted));
        } else if (tree.isArray()) {
            tree.forEach(item -> ((ObjectNode) item).retain(wanted));
        } else if (tree instanceof ObjectNode object) {
            object.retain(wanted);
        }
        return tree;
    }

    private static Set<String> wanted(String fields, List<String> known) {
        Set<String> wanted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String field : fields.split(",", -1)) {
            String name = field.trim();
            if (known.contains(name)) wanted.add(name);
            else unknown.add(name.isEmpty() ? "(empty)" : name);
        }
        if (!unknown.isEmpty()) {
            throw ApiException.validation(List.of(new FieldProblem(FIELDS, "unknown field " + String.join(", ", unknown)
                    + "; the resource has " + String.join(", ", known))));
        }
        return wanted;
    }

    /** The resource record of an answer: T of T, ResponseEntity<T>, Page<T> or List<T>. */
    static Class<?> resourceType(MethodParameter returnType, Object body) {
        ResolvableType type = ResolvableType.forMethodParameter(returnType);
        if (HttpEntity.class.isAssignableFrom(type.toClass())) type = type.getGeneric(0);
        if (Page.class.isAssignableFrom(type.toClass()) || Collection.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        Class<?> resolved = type.resolve();
        if (resolved != null && resolved != Object.class) return resolved;
        return body instanceof Page<?> || body instanceof Collection<?> ? null : body.getClass();
    }

    /** The JSON names of a record's properties (a {@code @JsonProperty} name where one is given). */
    static List<String> propertyNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(SparseFieldsets::jsonName).toList();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) property = component.getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }
}
