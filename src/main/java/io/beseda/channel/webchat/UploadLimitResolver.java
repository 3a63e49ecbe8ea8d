package io.beseda.channel.webchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * A photo over the multipart limit is refused while the request is read, before any controller runs; this
 * answers it as the upload endpoint answers everything else: 413 with {@code {code, message}}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitResolver implements HandlerExceptionResolver {

    private final WidgetTexts texts;
    private final JsonMapper json;

    UploadLimitResolver(WidgetTexts texts, JsonMapper json) {
        this.texts = texts;
        this.json = json;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception exception) {
        if (!(exception instanceof MaxUploadSizeExceededException) || !request.getRequestURI().startsWith("/widget/")) {
            return null;
        }
        var code = "attachment.too-large";
        var message = texts.error(code, WidgetTexts.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        try {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var origin = request.getHeader(HttpHeaders.ORIGIN);
            if (origin != null) {
                // The origin is not checked here (the token was never read); the answer reveals only the limit.
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                response.setHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            }
            response.getWriter().write(json.writeValueAsString(Map.of("code", code, "message", message)));
            return new ModelAndView();
        } catch (IOException e) {
            return null;
        }
    }
}
