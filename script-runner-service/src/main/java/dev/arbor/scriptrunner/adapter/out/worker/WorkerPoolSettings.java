package dev.arbor.scriptrunner.adapter.out.worker;

import dev.arbor.scriptrunner.adapter.out.graaljs.FetchPolicy;
import dev.arbor.scriptrunner.adapter.out.graaljs.SandboxLimits;
import java.time.Duration;

/**
 * How the pool of worker processes runs ({@code arbor.sandbox.workers.*}).
 *
 * @param size           worker processes kept running
 * @param maxHeap        each worker's {@code -Xmx}, also named in the {@code LIMIT} message
 * @param deadlineGrace  how long past the run's deadline a worker may take to answer before it is killed
 * @param startTimeout   how long a worker may take to start and warm up
 * @param prepareTimeout how long a worker may take to get a run's realm context ready before the script starts
 * @param acquireTimeout how long a run waits for a free worker
 */
public record WorkerPoolSettings(int size, WorkerCommand command, String maxHeap, SandboxLimits limits,
                                 FetchPolicy fetchPolicy, Duration deadlineGrace, Duration startTimeout,
                                 Duration prepareTimeout, Duration acquireTimeout) {
    public WorkerPoolSettings {
        if (size < 1) {
            throw new IllegalArgumentException("arbor.sandbox.workers.count must be 1 or more");
        }
    }
}
