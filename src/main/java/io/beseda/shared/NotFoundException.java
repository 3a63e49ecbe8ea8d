package io.beseda.shared;

/**
 * Something asked for by id does not exist in the caller's workspace. A foreign id is reported the
 * same way as an unknown one, so ids never leak across workspaces.
 */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
