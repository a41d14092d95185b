package dev.arbor.authtree.port;

/** Renders text as a QR code image the client can show without fetching anything. */
public interface QrCodeRenderer {
    /** A {@code data:} URI (RFC 2397) of the QR code of {@code text}. */
    String dataUri(String text);
}
