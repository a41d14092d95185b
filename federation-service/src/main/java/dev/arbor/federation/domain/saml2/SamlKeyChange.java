package dev.arbor.federation.domain.saml2;

/**
 * The outcome of one rollover step ({@code next}, {@code activate}, {@code retire}): done, or refused
 * with a reason the admin API passes on (409), or the key is not the realm's (404).
 */
public sealed interface SamlKeyChange {

    /**
     * @param key      the key the step was about, in its new state
     * @param replaced for {@code activate}: the key that was current and is now previous; otherwise null
     */
    record Done(SamlKeyInfo key, SamlKeyInfo replaced) implements SamlKeyChange {
    }

    /** The step does not apply to the realm's keys as they are (e.g. no published key to activate). */
    record Refused(String reason) implements SamlKeyChange {
    }

    /** The realm has no key of that id. */
    record UnknownKey() implements SamlKeyChange {
    }
}
