package org.inkstone.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.inkstone.search.BadQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into JSON answers {@code {"status": N, "error": "...", "message": "..."}}:
 * 400 for a bad query, filter, region or size (the message says what is wrong), 404 for an
 * unknown document, article, page or a scan no longer on disk, Spring MVC's own status for
 * other request errors (e.g. 405 for a POST), 500 otherwise. Never a stack trace; unexpected
 * failures are logged.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** Something asked for does not exist (HTTP 404). */
    public static class NotFound extends RuntimeException {
        /** @param message what was not found */
        public NotFound(String message) {
            super(message);
        }
    }

    @ExceptionHandler({BadQueryException.class, PageImages.BadImageRequest.class})
    ResponseEntity<Map<String, Object>> badRequest(RuntimeException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number, not '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, "parameter " + e.getParameterName() + " is missing");
    }

    @ExceptionHandler({NotFound.class, PageImages.ScanNotFound.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "nothing at /" + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> failure(Exception e) {
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            // Spring MVC's own request errors (method not allowed, unsupported media type, ...)
            HttpStatus status = HttpStatus.valueOf(r.getStatusCode().value());
            String detail = r.getBody().getDetail();
            return answer(status, detail == null ? status.getReasonPhrase() : detail);
        }
        LOG.error("request failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "the reading room could not answer: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
