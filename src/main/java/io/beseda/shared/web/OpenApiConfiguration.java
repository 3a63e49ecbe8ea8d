package io.beseda.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document at /api/docs/openapi.json: every /api/v1 call takes a workspace's API key. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI besedaOpenApi() {
        var bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("A workspace API key: Settings → API keys in the console, or ./beseda api-key create");
        return new OpenAPI()
                .info(new Info().title("Beseda API").version("v1")
                        .description("REST API of Beseda. Every call is scoped to the workspace of the key it "
                                + "carries; errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("apiKey", bearer))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
