package dev.arbor.scriptrunner.adapter.out.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The framing on a worker's stdin and stdout: a 4-byte big-endian length, then that many bytes of
 * UTF-8 JSON ({@link WorkerMessages}). JSON and not Java serialization: the worker must never
 * deserialize arbitrary classes. A length out of range means the stream is corrupt (a worker that
 * died mid-write, or stray output), which the caller treats like a dead worker.
 */
final class WorkerFrames {
    /** Far above any legitimate message (a 64 KiB source, 4 MiB of gRPC input). */
    static final int MAX_FRAME_BYTES = 32 * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WorkerFrames() {
    }

    static void write(DataOutputStream out, Object message) throws IOException {
        byte[] json = JSON.writeValueAsBytes(message);
        out.writeInt(json.length);
        out.write(json);
        out.flush();
    }

    /** @throws java.io.EOFException when the other side closed the stream */
    static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new IOException("corrupt frame (length " + length + ")");
        }
        byte[] json = new byte[length];
        in.readFully(json);
        return JSON.readValue(json, type);
    }
}
