package org.inkstone.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may change what in the reading room (Spring Security). The reading room's pages, search,
 * IIIF and exports stay open to anyone who can reach it (GET). The operator's dashboard
 * ({@code /operator/}, {@code /api/operator/}) needs role {@code OPERATOR}, the review queue
 * ({@code /review/}, {@code /api/review/}) role {@code REVIEWER}, and every request that changes
 * something needs a login and a CSRF token: {@code GET /api/session} sets it in the cookie
 * {@code XSRF-TOKEN}, and the pages send it back in the {@code X-XSRF-TOKEN} header (Spring
 * Security's single-page-application CSRF set-up). Login is a form at {@code /login}; API calls without one
 * are answered 401, pages are sent to the form.
 *
 * Spring Security's firewall refuses requests whose path hides a folder step ({@code %2e%2e},
 * {@code %2f}) with 400.
 *
 * <p>Users and roles come from the users file ({@code inkstone.serve.users}, by default
 * {@code ~/.config/inkstone/users.properties}), one user a line in Spring Security's format
 * {@code name=PASSWORD,ROLE_OPERATOR,ROLE_REVIEWER}, the password hashed with BCrypt and written
 * {@code {bcrypt}$2a$…} ({@link Users}, {@code ./inkstone user NAME ROLE…} adds one). Without the
 * file nobody can log in, and the operator and review pages stay closed.
 */
@Configuration
@RestController
public class Access {

    /** Roles, as given in the users file without the {@code ROLE_} prefix. */
    public static final String OPERATOR = "OPERATOR", REVIEWER = "REVIEWER";

    private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    UserDetailsService users(@Value("${inkstone.serve.users:${user.home}/.config/inkstone/users.properties}") Path file)
            throws IOException {
        Properties users = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                users.load(in);
            }
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SecurityFilterChain accessRules(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        // the reading room itself answers only GET, HEAD and OPTIONS: other methods there are
        // answered 405 by Spring MVC; what changes data is under the protected paths
        RequestMatcher changes = new OrRequestMatcher(path.matcher("/api/operator/**"), path.matcher("/api/review/**"),
                path.matcher("/operator/**"), path.matcher("/review/**"), path.matcher("/login"), path.matcher("/logout"));
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/operator/**", "/api/operator/**").hasRole(OPERATOR)
                        .requestMatchers("/review/**", "/api/review/**").hasRole(REVIEWER)
                        .anyRequest().permitAll())
                .formLogin(f -> f.permitAll())
                .logout(l -> l.logoutSuccessUrl("/"))
                .csrf(c -> c.spa().requireCsrfProtectionMatcher(request ->
                        !SAFE.contains(request.getMethod()) && changes.matches(request)))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                path.matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                // the reading room's own filter sets the browser security headers (SecurityHeaders)
                .headers(h -> h.disable());
        return http.build();
    }

    /**
     * @param auth  the logged-in user, or null
     * @param token the CSRF token of this session
     * @return {@code user} (empty when not logged in), {@code roles}, the CSRF {@code header}
     *         that requests changing something must carry, and the {@code cookie} whose value it
     *         carries (set by this answer when the session has no token yet)
     */
    @GetMapping("/api/session")
    public Map<String, Object> session(Authentication auth, CsrfToken token) {
        token.getToken(); // loads the deferred token, which sets the cookie when it is new
        boolean in = auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName());
        return Map.of("user", in ? auth.getName() : "",
                "roles", in ? auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(r -> r.startsWith("ROLE_")).map(r -> r.substring("ROLE_".length())).sorted().toList()
                        : java.util.List.of(),
                "header", token.getHeaderName(), "cookie", "XSRF-TOKEN");
    }
}
