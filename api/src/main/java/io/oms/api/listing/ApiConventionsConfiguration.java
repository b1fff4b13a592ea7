package io.oms.api.listing;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the API's list conventions into Spring MVC: {@link ListQuery} parameters of {@link Listing} handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaginationProperties.class)
public class ApiConventionsConfiguration implements WebMvcConfigurer {
    private final PaginationProperties pages;

    public ApiConventionsConfiguration(PaginationProperties pages) {
        this.pages = pages;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ListQueryResolver(pages));
    }
}
