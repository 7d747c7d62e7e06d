package org.inkstone.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the browser security headers on every answer of the reading room, before anything else
 * runs (so error answers carry them too):
 *
 * <ul>
 * <li>{@code Content-Security-Policy: default-src 'self'; img-src 'self' data:; frame-ancestors
 *     'none'; object-src 'none'; base-uri 'none'} (W3C Content Security Policy Level 3): the
 *     reading room page loads only its own script, style sheet, API answers and page images
 *     from this server, has no inline script or style, and may not be framed;
 *     the IIIF viewer's pages ({@code /viewer/}) get {@link #VIEWER_POLICY};</li>
 * <li>{@code X-Content-Type-Options: nosniff} (WHATWG Fetch): answers are taken as the type they
 *     declare;</li>
 * <li>{@code X-Frame-Options: DENY} (RFC 7034), for browsers without {@code frame-ancestors};</li>
 * <li>{@code Referrer-Policy: no-referrer} (W3C Referrer Policy): searches in the address are not
 *     passed on.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {

    /** The content security policy sent with every answer. */
    public static final String POLICY =
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    /**
     * Sets the security headers on a response.
     *
     * @param response a response not yet committed
     */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /**
     * The policy of the IIIF viewer's pages ({@link ViewerController}): as {@link #POLICY}, but
     * Mirador's components write their styles inline and its image viewer draws from blobs.
     */
    public static final String VIEWER_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response);
        String path = request.getRequestURI();
        if (path.equals("/viewer") || path.startsWith("/viewer/")) {
            response.setHeader("Content-Security-Policy", VIEWER_POLICY);
        }
        chain.doFilter(request, response);
    }
}
