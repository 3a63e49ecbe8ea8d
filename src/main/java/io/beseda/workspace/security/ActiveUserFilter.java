package io.beseda.workspace.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import io.beseda.workspace.UserId;
import io.beseda.workspace.Users;
import io.beseda.workspace.WorkspaceId;

/**
 * Checks the signed-in person against the database on every console request, so that disabling
 * someone ends their session at once and a new role applies to their next click, on every node.
 */
class ActiveUserFilter extends OncePerRequestFilter {

    private final Users users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    ActiveUserFilter(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser signedIn) {
            var current = users.find(new WorkspaceId(signedIn.workspaceId()), new UserId(signedIn.userId()))
                    .filter(io.beseda.workspace.User::enabled);
            if (current.isEmpty()) {
                signOut(request, response);
                return;
            }
            var fresh = ConsoleUser.of(current.get());
            if (!fresh.equals(signedIn)) {
                var context = SecurityContextHolder.createEmptyContext();
                var updated = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities());
                updated.setDetails(authentication.getDetails());
                context.setAuthentication(updated);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        var target = request.getContextPath() + "/login?error=disabled";
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(target);
        }
    }
}
