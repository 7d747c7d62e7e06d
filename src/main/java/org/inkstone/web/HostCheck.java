package org.inkstone.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests addressed to a host name that is not this server's: the defence against
 * DNS rebinding, where a web page on another site has its own name resolve to 127.0.0.1 and
 * so reaches the reading room from the researcher's browser. Such a request still names the
 * other site in its {@code Host} header (RFC 9110, section 7.2).
 *
 * <p>Served are the loopback names {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, with
 * or without a port, in any letter case, and the host names listed in the setting
 * {@value ReadingRoom#ALLOWED_HOSTS} (comma-separated, for a reading room behind a proxy).
 * Any other name is answered {@code 421 Misdirected Request} (RFC 9110, section 15.5.20) with
 * a JSON message. A request without {@code Host} (HTTP/1.0; browsers always send one) is
 * served: it names no other site. Runs right after {@link SecurityHeaders}, before anything
 * else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HostCheck extends OncePerRequestFilter {

    /** The names always served: the loopback interface the reading room listens on. */
    public static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowed = new LinkedHashSet<>(LOOPBACK);

    /**
     * @param extra further host names to serve, comma-separated (blank for none); a port
     *              written after a name is ignored
     */
    public HostCheck(@Value("${" + ReadingRoom.ALLOWED_HOSTS + ":}") String extra) {
        for (String name : extra.split(",")) {
            if (!name.isBlank()) {
                allowed.add(name(name));
            }
        }
    }

    /**
     * The host name of a {@code Host} header value: without port, in lower case, without a
     * trailing dot; an IPv6 address keeps its brackets.
     *
     * @param host {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}
     * @return the name
     */
    static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(0, end + 1);
        } else if (h.indexOf(':') >= 0 && h.indexOf(':') == h.lastIndexOf(':')) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /**
     * @param host the {@code Host} header, or null when the request has none
     * @return whether a request addressed to it is served
     */
    boolean allows(String host) {
        return host == null || allowed.contains(name(host));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        if (allows(host)) {
            chain.doFilter(request, response);
            return;
        }
        ApiErrors.write(response, HttpStatus.MISDIRECTED_REQUEST.value(), "this reading room answers requests for "
                + String.join(", ", allowed) + " only, not for '" + host + "'; the setting " + ReadingRoom.ALLOWED_HOSTS
                + " adds host names (e.g. behind a proxy)");
    }
}
