package io.beseda.console.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import io.beseda.console.ConsoleNavigation;
import io.beseda.workspace.Workspaces;

/** Russian first: the console speaks Russian until someone picks English (?lang=en), remembered in a cookie. */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final ConsoleNavigation navigation;
    private final Workspaces workspaces;

    ConsoleWebConfiguration(ConsoleNavigation navigation, Workspaces workspaces) {
        this.navigation = navigation;
        this.workspaces = workspaces;
    }

    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("beseda-lang");
        resolver.setDefaultLocale(RUSSIAN);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new ConsoleModelInterceptor(navigation, workspaces));
    }
}
