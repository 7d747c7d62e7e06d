package org.inkstone.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reading room's {@code /error} route, in place of Spring Boot's {@code BasicErrorController}
 * (which answers HTML to browsers, and {@code 500 {"status": 999}} when {@code /error} is asked
 * for directly).
 *
 * <p>The servlet container forwards here when a status of 400 or more is sent with
 * {@code sendError} or an exception escapes a filter or servlet (Jakarta Servlet 6.0, section
 * 10.9 "Error Handling"; Spring Boot registers {@code /error} as the global error page). The
 * answer is the API's JSON form ({@link ApiErrors#body(int, String)}) with the status and
 * message the container recorded in the request attributes {@code jakarta.servlet.error.*};
 * an escaped exception is logged and answered 500 without its stack trace. Asked for directly
 * (no such attributes), {@code /error} is no page of the reading room: 404.
 */
@RestController
public class ErrorAnswers implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

    /**
     * @param request the request, forwarded by the container or asked for directly
     * @return the JSON error answer: the forwarded status (400-599) and message, or 404 when
     *         {@code /error} was asked for directly
     */
    @RequestMapping("/error")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 0;
        String message;
        if (status == 0) {
            status = HttpStatus.NOT_FOUND.value();
            message = "nothing at /error";
        } else if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            LOG.error("request for {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
            message = status >= 500 ? "the reading room could not answer" : reason(status);
        } else {
            Object m = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            message = m instanceof String s && !s.isBlank() ? s : reason(status);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ApiErrors.body(status, message));
    }

    private static String reason(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        return s == null ? "error " + status : s.getReasonPhrase();
    }
}
