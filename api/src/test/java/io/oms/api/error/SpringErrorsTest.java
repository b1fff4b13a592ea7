package io.oms.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.ErrorCode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Spring's failures keep their status and get the fitting code of the closed vocabulary. */
class SpringErrorsTest {

    @Test
    void methodNotAllowedNamesTheAllowedMethods() {
        var t = SpringErrors.of(new HttpRequestMethodNotSupportedException("DELETE", Set.of("GET", "POST")));
        assertThat(t.status()).isEqualTo(405);
        assertThat(t.code()).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(t.headers().getAllow()).contains(HttpMethod.GET, HttpMethod.POST);
    }

    @Test
    void mediaTypeFailuresAre406And415() {
        var notAcceptable = SpringErrors.of(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)));
        assertThat(notAcceptable.status()).isEqualTo(406);
        assertThat(notAcceptable.code()).isEqualTo(ErrorCode.NOT_ACCEPTABLE);
        var unsupported = SpringErrors.of(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON), HttpMethod.POST));
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void missingParameterIsAFieldProblem() {
        var t = SpringErrors.of(new MissingServletRequestParameterException("client_order_id", "String"));
        assertThat(t.status()).isEqualTo(400);
        assertThat(t.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(t.details()).containsExactly(new FieldProblem("client_order_id", "is required"));
    }

    @Test
    void unknownPathIsNotFound() {
        var t = SpringErrors.of(new NoResourceFoundException(HttpMethod.GET, "/x", "x"));
        assertThat(t.status()).isEqualTo(404);
        assertThat(t.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void otherStatusesKeepTheirStatusWithACodeOfTheVocabulary() {
        var timeout = SpringErrors.of(new AsyncRequestTimeoutException());
        assertThat(timeout.status()).isEqualTo(503);
        assertThat(timeout.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        var tooLarge = SpringErrors.of(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "too big"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code().httpStatus()).isBetween(400, 499);
        var teapot = SpringErrors.of(new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT));
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(SpringErrors.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY)).code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
