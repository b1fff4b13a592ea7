package io.oms.api.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;

/** A deprecated endpoint announces itself with Deprecation, Sunset and Link headers; others carry none. */
class SunsetHeadersTest {

    @RestController
    static class Endpoints {
        @GetMapping("/old")
        @Sunset(deprecatedSince = "2026-12-01", date = "2027-06-30", link = "https://example.test/changes#old",
                successor = "/new")
        String old() {
            return "old";
        }

        @GetMapping("/new")
        String current() {
            return "new";
        }
    }

    @Sunset(deprecatedSince = "2026-12-01", date = "2027-01-31")
    @RestController
    static class WholeController {
        @GetMapping("/legacy")
        String legacy() {
            return "legacy";
        }
    }

    static class Malformed {
        @Sunset(deprecatedSince = "2026-12-01", date = "next summer")
        void endpoint() {}
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints(), new WholeController())
            .addInterceptors(new SunsetHeaders()).build();

    @Test
    void deprecatedEndpointAnnouncesItsSunsetDeprecationAndLinks() throws Exception {
        MvcResult result = mvc.perform(get("/old")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Sunset")).isEqualTo("Wed, 30 Jun 2027 00:00:00 GMT");
        assertThat(result.getResponse().getHeader("Deprecation")).isEqualTo("@1796083200");
        assertThat(result.getResponse().getHeaders("Link")).containsExactly(
                "<https://example.test/changes#old>; rel=\"sunset\"", "</new>; rel=\"successor-version\"");
    }

    @Test
    void annotationOnTheControllerCoversEachOfItsEndpoints() throws Exception {
        MvcResult result = mvc.perform(get("/legacy")).andReturn();
        assertThat(result.getResponse().getHeader("Sunset")).isEqualTo("Sun, 31 Jan 2027 00:00:00 GMT");
        assertThat(result.getResponse().getHeaders("Link")).isEmpty();
    }

    @Test
    void endpointNotDeprecatedCarriesNoneOfTheHeaders() throws Exception {
        MvcResult result = mvc.perform(get("/new")).andReturn();
        assertThat(result.getResponse().getHeader("Sunset")).isNull();
        assertThat(result.getResponse().getHeader("Deprecation")).isNull();
    }

    @Test
    void malformedDateIsRefusedBeforeAnyRequest() throws Exception {
        HandlerMethod handler = new HandlerMethod(new Malformed(), Malformed.class.getDeclaredMethod("endpoint"));
        assertThatThrownBy(() -> SunsetHeaders.announcementOf(handler)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ISO dates");
    }
}
