package io.beseda.workspace.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import io.beseda.workspace.Actor;
import io.beseda.workspace.CurrentActor;

/** Hands controllers the {@link Actor} behind the request, whether a console session or an API key. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binders) {
        return current();
    }

    static Actor current() {
        return CurrentActor.find()
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No signed-in user or API key"));
    }
}
