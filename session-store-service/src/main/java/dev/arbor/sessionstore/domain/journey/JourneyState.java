package dev.arbor.sessionstore.domain.journey;

/**
 * The opaque state of one journey in flight and its version. The version grows by one on each
 * successful compare-and-set, which is what lets authtree refuse a replayed or rewound step.
 */
public record JourneyState(long version, byte[] state) {
    public JourneyState {
        state = state.clone();
    }

    @Override
    public byte[] state() {
        return state.clone();
    }
}
