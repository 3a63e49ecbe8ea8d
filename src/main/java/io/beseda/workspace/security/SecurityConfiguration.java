package io.beseda.workspace.security;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.beseda.workspace.Users;
import io.beseda.workspace.apikey.ApiKeys;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: {@code /api/v1/**} takes API keys and keeps no session; everything else is the console,
 * with a session, CSRF protection and a strict content security policy. The storefront tracker's
 * {@code /t/**} is public and free of CSRF: shops' pages post there, authorised by the token in the path;
 * so is the web-chat widget's {@code /widget/**}, authorised by its inbox token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration implements WebMvcConfigurer {

    static final String[] PUBLIC = {
            "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/api/docs", "/api/docs/**", "/api/swagger-ui/**",
            // the storefront tracker: its script, the endpoint it posts to (authorised by the token in the
            // path), and the demo shop page that uses it
            "/static/**", "/t/**", "/demo/**", "/files/**",
            // unsubscribe links and journeys' cart links in messages (authorised by their signature)
            "/u/**", "/r/**",
            // providers' webhooks (authorised by each provider's signature)
            "/webhooks/**",
            // the web-chat widget: its script, its WebSocket and its photo uploads (authorised by the inbox token)
            "/widget/**"
    };

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, JsonMapper json, Clock clock) throws Exception {
        var problems = new ApiProblems(json);
        return http.securityMatcher("/api/v1/**")
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems, clock), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, Users users, PasswordEncoder passwords, LoginThrottle throttle,
                                Clock clock) throws Exception {
        var success = new SimpleUrlAuthenticationSuccessHandler("/");
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/settings/**").hasAnyRole("OWNER", "ADMIN")
                        .requestMatchers("/inbox", "/inbox/**").hasAnyRole("OWNER", "ADMIN", "OPERATOR")
                        .anyRequest().authenticated())
                // Tracker batches come from shops' pages on other origins, with no session to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/t/**", "/webhooks/**", "/demo/shop/subscribe"))
                .authenticationProvider(new ConsoleAuthenticationProvider(users, passwords, throttle, clock))
                .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler(success).failureHandler(new LoginFailureHandler(clock)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // Unsubscribe links (consent module): mail clients POST RFC 8058 one-click requests without a token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/u/**"))
                // The web-chat widget posts photos from shops' pages on other origins, with no session to forge.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/widget/**"))
                .addFilterBefore(new ActiveUserFilter(users), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
