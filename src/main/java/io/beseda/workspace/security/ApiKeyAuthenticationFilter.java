package io.beseda.workspace.security;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.beseda.workspace.apikey.ApiKeys;

/** Authenticates /api/v1 requests by {@code Authorization: Bearer <key>}; a bad key is answered 401 at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final ApiProblems problems;
    private final Clock clock;

    ApiKeyAuthenticationFilter(ApiKeys keys, ApiProblems problems, Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        var actor = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.authenticate(header.substring(BEARER.length()).trim(), clock.instant())
                : java.util.Optional.<io.beseda.workspace.Actor>empty();
        if (actor.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new BadCredentialsException("Unknown API key"));
            return;
        }
        var authority = new SimpleGrantedAuthority(actor.get().role().authority());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new ApiKeyPrincipal(actor.get()), null, List.of(authority)));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
