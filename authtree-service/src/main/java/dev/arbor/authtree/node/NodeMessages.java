package dev.arbor.authtree.node;

import java.util.ResourceBundle;

/** A node's message bundle: {@code dev/arbor/authtree/node/<Type>.properties}, one per node class. */
final class NodeMessages {
    private NodeMessages() {
    }

    static boolean has(Class<? extends Node> node, String key) {
        return ResourceBundle.getBundle(node.getName()).containsKey(key);
    }

    static String get(Class<? extends Node> node, String key) {
        return ResourceBundle.getBundle(node.getName()).getString(key);
    }
}
