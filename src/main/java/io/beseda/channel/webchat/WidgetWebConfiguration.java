package io.beseda.channel.webchat;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the widget at the address shops paste into their pages, /widget/beseda-chat.js, cached for an
 * hour so a fix reaches every shop the same day.
 */
@Configuration(proxyBeanMethods = false)
class WidgetWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/widget/beseda-*.js")
                .addResourceLocations("classpath:/static/widget/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    }
}
