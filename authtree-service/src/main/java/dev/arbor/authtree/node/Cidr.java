package dev.arbor.authtree.node;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address block in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), e.g. {@code 10.0.0.0/8} or
 * {@code 2001:db8::/32}; a bare address is a /32 or /128. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d},
 * RFC 4291 §2.5.5.2) is compared as the IPv4 address it carries, on either side.
 * Parsing takes literals only: a host name is refused, never resolved through DNS.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException when it is not an address literal with an optional prefix in range
     */
    public static Cidr parse(String text) {
        String value = text == null ? "" : text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(
                () -> new IllegalArgumentException("'" + value + "' is not an IPv4 or IPv6 CIDR"));
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            String bits = value.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + value + "' has no valid prefix length");
            }
            int given = Integer.parseInt(bits);
            boolean mappedV6 = isMappedLiteral(address);
            int max = mappedV6 ? 128 : bytes.length * 8;
            if (given > max || (mappedV6 && given < 96)) {
                throw new IllegalArgumentException("'" + value + "' has a prefix length out of range");
            }
            prefix = mappedV6 ? given - 96 : given;
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** Parses every entry of {@code texts}. */
    public static List<Cidr> parseAll(List<String> texts) {
        return texts.stream().map(Cidr::parse).toList();
    }

    /** Whether {@code address} (raw bytes, 4 or 16, mapped IPv6 folded to IPv4) lies in this block. */
    public boolean contains(byte[] address) {
        byte[] a = fold(address);
        return a.length == network.length && Arrays.equals(mask(a, prefix), network);
    }

    /** Whether any of {@code blocks} holds {@code address}. */
    public static boolean anyContains(List<Cidr> blocks, byte[] address) {
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /**
     * The bytes of an IP address literal, IPv4-mapped IPv6 folded to IPv4; empty for anything else (host
     * names included: {@link InetAddress#ofLiteral} parses, it never resolves).
     */
    public static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty() || value.length() > 45 || value.contains("%") || !addressCharacters(value)) {
            return Optional.empty();
        }
        if (!value.contains(":") && !dottedQuad(value)) {
            return Optional.empty(); // "1" or "10.1" are legal for ofLiteral (BSD forms) but not an address here
        }
        try {
            return Optional.of(fold(InetAddress.ofLiteral(value).getAddress())); // never a DNS lookup
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean addressCharacters(String value) {
        return value.toLowerCase(Locale.ROOT).chars()
                .allMatch(c -> Character.isDigit(c) || (c >= 'a' && c <= 'f') || c == ':' || c == '.');
    }

    private static boolean dottedQuad(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMappedLiteral(String address) {
        return address.contains(":") && literal(address).map(b -> b.length == 4).orElse(false);
    }

    /** {@code ::ffff:a.b.c.d} → {@code a.b.c.d}; anything else unchanged. */
    static byte[] fold(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return Arrays.copyOfRange(address, 12, 16);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - bits)));
        }
        return out;
    }
}
