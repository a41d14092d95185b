package dev.arbor.token.adapter.in.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/**
 * A gRPC status means the call itself failed (see token.proto): a malformed request is
 * {@code INVALID_ARGUMENT} with a short reason; anything else is {@code INTERNAL} without detail,
 * logged here.
 */
final class GrpcFailures {

    private static final Logger LOG = Logger.getLogger(GrpcFailures.class);

    private GrpcFailures() {
    }

    static StatusRuntimeException toStatus(Throwable failure, String rpc) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StatusRuntimeException status) {
            return status;
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asRuntimeException();
        }
        LOG.errorf(cause, "%s failed", rpc);
        return Status.INTERNAL.withDescription(rpc + " failed").asRuntimeException();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
