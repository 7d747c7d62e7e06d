package org.inkstone.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns failures into JSON answers {@code {"status": N, "error": "...", "message": "..."}}:
 * 400 for a bad query, filter, region or size (the message says what is wrong), 404 for an
 * unknown document, article, page or a scan no longer on disk, Spring MVC's own status for
 * other request errors (e.g. 405 for a POST), 500 otherwise. Never a stack trace; unexpected
 * failures are logged.
 *
 * <p>The same JSON form is written by {@link ErrorAnswers} (errors the servlet container sends,
 * and {@code /error} itself), {@link JsonErrorValve} (requests Tomcat refuses before they reach
 * the application, such as malformed URLs) and {@link HostCheck} (foreign {@code Host}
 * headers), through {@link #body(int, String)} and {@link #write(HttpServletResponse, int, String)}.
 */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Something asked for does not exist (HTTP 404). */
    public static class NotFound extends RuntimeException {
        /** @param message what was not found */
        public NotFound(String message) {
            super(message);
        }
    }

    /** A request the operator or review API cannot carry out as asked (HTTP 400). */
    public static class BadRequest extends RuntimeException {
        /** @param message what is wrong with it */
        public BadRequest(String message) {
            super(message);
        }
    }

    /** The database behind the operator and review pages cannot be reached (HTTP 503). */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.jdbc.CannotGetJdbcConnectionException.class})
    ResponseEntity<Map<String, Object>> noDatabase(org.springframework.core.NestedRuntimeException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "the database cannot be reached now: " + e.getMostSpecificCause().getMessage());
    }

    /** A run holds the output folder (HTTP 409). */
    @ExceptionHandler(RunProcesses.InUse.class)
    ResponseEntity<Map<String, Object>> inUse(RunProcesses.InUse e) {
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({BadQueryException.class, PageImages.BadImageRequest.class, BadRequest.class})
    ResponseEntity<Map<String, Object>> badRequest(RuntimeException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number, not '" + e.getValue() + "'");
    }

    /** Tomcat could not decode the query string (malformed %-encoding, not UTF-8, too many parameters). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> badQueryString(InvalidParameterException e) {
        int code = e.getErrorCode();
        HttpStatus status = code >= 400 && code < 500 && HttpStatus.resolve(code) != null ? HttpStatus.valueOf(code) : HttpStatus.BAD_REQUEST;
        return answer(status, "the query string cannot be read: it must be %-encoded UTF-8 ('%' followed by two hex digits)");
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

    /**
     * An error answer as a response entity.
     *
     * @param status  HTTP status, 400-599
     * @param message what went wrong, for the user
     * @return the entity with the JSON body of {@link #body(int, String)}
     */
    static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body(status.value(), message));
    }

    /**
     * The JSON body of an error answer.
     *
     * @param status  HTTP status code
     * @param message what went wrong, for the user
     * @return {@code status}, {@code error} (the status's reason phrase) and {@code message}, in
     *         that order
     */
    static Map<String, Object> body(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", known == null ? "Error" : known.getReasonPhrase());
        body.put("message", message == null || message.isBlank() ? (known == null ? "error " + status : known.getReasonPhrase()) : message);
        return body;
    }

    /**
     * @param status  HTTP status code
     * @param message what went wrong, for the user
     * @return the JSON text of {@link #body(int, String)}
     */
    static String json(int status, String message) {
        return JSON.writeValueAsString(body(status, message));
    }

    /**
     * Writes an error answer straight to a servlet response (outside Spring MVC: filters,
     * Tomcat's valves). The response must not be committed.
     *
     * @param response the response
     * @param status   HTTP status code
     * @param message  what went wrong, for the user
     * @throws IOException if the answer cannot be written
     */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        byte[] json = json(status, message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }
}
