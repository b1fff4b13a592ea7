package io.oms.api.conventions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one interceptor that turns {@link Sunset} into response headers. Headers are computed once per handler
 * method; {@link #headersOf} is also what startup validation and the OpenAPI document use.
 */
public class SunsetHeaders implements HandlerInterceptor {
    public static final String DEPRECATION = "Deprecation";
    public static final String SUNSET = "Sunset";

    /** The headers of one deprecated endpoint, in order. */
    public record Announcement(String deprecation, String sunset, List<String> links) {}

    private final Map<Method, Optional<Announcement>> cache = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Optional<Announcement> announced = cache.computeIfAbsent(method.getMethod(),
                    m -> Optional.ofNullable(announcementOf(method)));
            announced.ifPresent(a -> {
                response.setHeader(DEPRECATION, a.deprecation());
                response.setHeader(SUNSET, a.sunset());
                a.links().forEach(link -> response.addHeader("Link", link));
            });
        }
        return true;
    }

    /** The announcement of a handler, or null when it is not deprecated; malformed dates throw. */
    public static Announcement announcementOf(HandlerMethod handler) {
        Sunset sunset = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Sunset.class);
        if (sunset == null) sunset = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Sunset.class);
        return sunset == null ? null : headersOf(sunset, handler.toString());
    }

    static Announcement headersOf(Sunset sunset, String where) {
        LocalDate since;
        LocalDate date;
        try {
            since = LocalDate.parse(sunset.deprecatedSince());
            date = LocalDate.parse(sunset.date());
        } catch (RuntimeException e) {
            throw new IllegalStateException("@Sunset of " + where + " needs ISO dates (2027-06-30)", e);
        }
        if (date.isBefore(since)) {
            throw new IllegalStateException("@Sunset of " + where + ": the sunset date precedes the deprecation");
        }
        List<String> links = new ArrayList<>();
        if (!sunset.link().isBlank()) links.add("<" + sunset.link() + ">; rel=\"sunset\"");
        if (!sunset.successor().isBlank()) links.add("<" + sunset.successor() + ">; rel=\"successor-version\"");
        return new Announcement("@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond(),
                DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atStartOfDay(ZoneOffset.UTC)), List.copyOf(links));
    }
}
