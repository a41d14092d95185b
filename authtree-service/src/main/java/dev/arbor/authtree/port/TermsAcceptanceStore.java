package dev.arbor.authtree.port;

import java.time.Instant;
import java.util.UUID;

/** Which version of the terms each identity accepted, and when. */
public interface TermsAcceptanceStore {
    boolean hasAccepted(String realm, UUID subject, String version);

    /** Records the acceptance; accepting the same version again keeps the first time. */
    void recordAcceptance(String realm, UUID subject, String version, Instant acceptedAt);
}
