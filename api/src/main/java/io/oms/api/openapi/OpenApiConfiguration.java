package io.oms.api.openapi;

import io.oms.api.conventions.SunsetHeaders;
import io.oms.api.error.ErrorEnvelope;
import io.oms.api.listing.ListQuery;
import io.oms.api.security.ApiAccessRules;
import io.oms.infra.security.ApiPrincipal;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.oms.workflows.domain.ErrorCode;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import java.util.Locale;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}, UI at {@code /swagger-ui.html}), generated from the controllers:
 * the bearer scheme on every operation except the public ones of {@link ApiAccessRules} (each secured one names
 * its scope), the error envelope as the body of every error answer, the {@code @Listing} parameters, and
 * {@code @Sunset} endpoints marked deprecated. Operation ids are derived from controller and method names so the
 * document is stable from run to run (the committed {@code docs/openapi.json} is compared with it by a test).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {
    static final String BEARER = "bearer";
    static final String ERROR_SCHEMA = "ErrorEnvelope";

    static {
        // Resolved by the framework from the request, not sent by clients as parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiPrincipal.class, ListQuery.class)
                .replaceWithSchema(JsonNode.class, new ObjectSchema().description("a JSON document as stored"));
    }

    @Bean
    OpenAPI omsOpenApi() {
        Components components = new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("API key (oms_...) or JWT access token")
                .description("Authorization: Bearer <API key or access token>; the credential decides the tenant"));
        ModelConverters.getInstance().read(ErrorEnvelope.class).forEach(components::addSchemas);
        StringSchema code = new StringSchema();
        Arrays.stream(ErrorCode.values()).forEach(c -> code.addEnumItem(c.name()));
        components.getSchemas().get(ERROR_SCHEMA).addProperty("code", code.description("the ErrorCode; decides the HTTP status"));
        return new OpenAPI()
                .info(new Info().title("OMS for Interactive Brokers").version("v1").description(
                        "Orders, positions, P&L and audit of one tenant. Errors answer the error envelope; every answer "
                                + "carries X-Trace-Id. See docs/api.md."))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    GlobalOperationCustomizer omsOperations() {
        return (operation, handler) -> {
            String controller = handler.getBeanType().getSimpleName().replace("Controller", "");
            operation.setOperationId(controller.substring(0, 1).toLowerCase(Locale.ROOT) + controller.substring(1)
                    + StringUtils.capitalize(handler.getMethod().getName()));
            ListingDocumentation.addParameters(operation, handler);
            ErrorDocumentation.addErrorAnswers(operation);
            SunsetHeaders.Announcement sunset = SunsetHeaders.announcementOf(handler);
            if (sunset != null) {
                operation.setDeprecated(true);
                operation.setDescription((operation.getDescription() == null ? "" : operation.getDescription() + "\n\n")
                        + "Deprecated: Sunset " + sunset.sunset() + " " + String.join(" ", sunset.links()));
            }
            return operation;
        };
    }

    @Bean
    GlobalOpenApiCustomizer omsAccessRules() {
        return openApi -> {
            if (openApi.getPaths() == null) return;
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                JsonContent.only(operation);
                ApiAccessRules.RULES.stream()
                        .filter(r -> r.path().equals(path) && r.method().name().equals(method.name()))
                        .findFirst()
                        .ifPresent(rule -> {
                            if (rule.scope() == null) {
                                operation.setSecurity(List.of()); // public
                            } else {
                                operation.addExtension("x-required-scope", rule.scope());
                            }
                        });
            }));
        };
    }
}
