package io.oms.api.conventions;

import io.oms.api.listing.ListQueryResolver;
import io.oms.api.listing.PaginationProperties;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Wires the API's conventions into Spring MVC: {@code ListQuery} parameters of {@code @Listing} handlers, and the
 * {@link Sunset} headers of deprecated endpoints (whose dates are checked at startup, not at the first call).
 */
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SunsetHeaders());
    }

    @EventListener(ContextRefreshedEvent.class)
    void checkSunsets(ContextRefreshedEvent event) {
        ApplicationContext context = event.getApplicationContext();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()
                .forEach(mapping -> mapping.getHandlerMethods().values().forEach(SunsetHeaders::announcementOf));
    }
}
