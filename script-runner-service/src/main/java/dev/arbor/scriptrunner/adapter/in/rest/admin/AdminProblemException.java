package dev.arbor.scriptrunner.adapter.in.rest.admin;

/** An admin API refusal that is already an RFC 9457 problem; {@code wwwAuthenticate} is set on 401/403. */
final class AdminProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final String detail;
    private final String wwwAuthenticate;

    AdminProblemException(int status, String title, String detail, String wwwAuthenticate) {
        super(title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.wwwAuthenticate = wwwAuthenticate;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }

    String wwwAuthenticate() {
        return wwwAuthenticate;
    }
}
