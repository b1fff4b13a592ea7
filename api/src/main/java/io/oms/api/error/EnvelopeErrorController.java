package io.oms.api.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's whitelabel {@code /error}: whatever reaches the container's error dispatch (an
 * exception thrown by a servlet filter, a filter's or the firewall's {@code sendError}) is answered with the
 * error envelope, with the status the failure had. Being an {@link ErrorController} bean, it also switches off
 * Boot's {@code BasicErrorController}.
 */
@Hidden // not an API operation: the document describes the envelope on every operation instead
@Controller
public class EnvelopeErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorController.class);

    private final EnvelopeWriter writer;

    public EnvelopeErrorController(EnvelopeWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        SpringErrors.Translation t;
        if (failure instanceof ErrorResponse spring) {
            t = SpringErrors.of(spring);
        } else if (status instanceof Integer code) {
            t = SpringErrors.of(HttpStatusCode.valueOf(code), null, HttpHeaders.EMPTY);
        } else {
            // A direct request for the error path: there is nothing here.
            t = SpringErrors.of(HttpStatusCode.valueOf(404), null, HttpHeaders.EMPTY);
        }
        if (t.status() >= 500) {
            log.error("failure on {} (status {})", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t.status(), failure);
        }
        writer.write(request, response, t.status(), t.code().name(), t.message(), t.details(), t.hint(), t.headers());
    }
}
