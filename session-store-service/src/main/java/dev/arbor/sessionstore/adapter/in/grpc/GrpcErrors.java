package dev.arbor.sessionstore.adapter.in.grpc;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.jboss.logging.Logger;

/**
 * Turns failures into gRPC statuses: bad input is {@code INVALID_ARGUMENT} with the field named;
 * anything else (Redis or Kafka unreachable) is {@code UNAVAILABLE} with a fixed text, the detail
 * going to the log only.
 */
final class GrpcErrors {
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure, String rpc) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof InvalidRequestException invalid) {
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asRuntimeException();
        }
        LOG.errorf("%s failed: %s", rpc, failure.toString());
        return Status.UNAVAILABLE.withDescription("session store temporarily unavailable").asRuntimeException();
    }
}
