package io.beseda.shared.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen before any controller is chosen (an unknown path, a wrong method) are answered as
 * problem details to API clients; browsers still get the console's error pages.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorProperties(), errorViewResolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        var attributes = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail(status));
        body.put("instance", String.valueOf(attributes.getOrDefault("path", request.getRequestURI())));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that HTTP method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This address answers with application/json.";
            default -> status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase();
        };
    }

    private static ErrorProperties errorProperties() {
        var properties = new ErrorProperties();
        properties.setIncludeStacktrace(ErrorProperties.IncludeAttribute.NEVER);
        properties.setIncludeMessage(ErrorProperties.IncludeAttribute.NEVER);
        return properties;
    }
}
