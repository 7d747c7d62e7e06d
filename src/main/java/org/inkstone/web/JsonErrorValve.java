package org.inkstone.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report in the reading room's JSON form instead of Tomcat's HTML page: for
 * requests Tomcat refuses before they reach the application (a request target with malformed
 * %-encoding, an encoded {@code /} or {@code \}, characters not allowed in a URL, an oversized
 * or malformed header) and any error answer the application left without a body. It replaces
 * {@link ErrorReportValve} on the Tomcat host ({@link TomcatSetup}) and follows its rules
 * (Tomcat 11, {@code ErrorReportValve.report}): nothing is written for a status under 400, when
 * a body has already been written, when the error was already reported, or when the connection
 * allows no more output. The body is {@link ApiErrors#body(int, String)}: Tomcat's message
 * for a status under 500, the reason phrase otherwise; never a stack trace. The security
 * headers of {@link SecurityHeaders} are set as well.
 */
public class JsonErrorValve extends ErrorReportValve {

    /** A valve that reports neither the server's version nor any exception. */
    public JsonErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String message = status < 500 ? response.getMessage() : null;
        if (message == null || message.isBlank()) {
            message = known == null ? "error " + status : known.getReasonPhrase();
        }
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.apply(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiErrors.json(status, message));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response cannot take a body: nothing more to say
        }
    }
}
