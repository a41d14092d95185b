import dev.arbor.contracts.scriptrunner.v1.ExecuteRequest;
import dev.arbor.contracts.scriptrunner.v1.ScriptResult;
import dev.arbor.contracts.scriptrunner.v1.ScriptRunnerGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Warm Execute latency over gRPC (one blocking client, plaintext, loopback) against a running
 * script-runner-service that has imported bench/realms/bench.yaml. Run through bench/script-runner.sh --grpc.
 */
public class ScriptRunnerGrpcBench {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            ScriptRunnerGrpc.ScriptRunnerBlockingStub runner = ScriptRunnerGrpc.newBlockingStub(channel);
            ExecuteRequest request = ExecuteRequest.newBuilder().setRealm("bench").setName("decide")
                    .addOutcomes("skip-otp").addOutcomes("otp").addOutcomes("deny")
                    .putState("clientIp", "203.0.113.7").putState("failures", "1").putState("country", "fr").build();
            long t0 = System.nanoTime();
            ScriptResult first = runner.execute(request);
            long cold = System.nanoTime() - t0;
            if (!first.getOutcome().equals("otp")) {
                throw new IllegalStateException("unexpected result " + first);
            }
            for (int i = 0; i < warmup; i++) {
                runner.execute(request);
            }
            long[] samples = new long[measured];
            long start = System.nanoTime();
            for (int i = 0; i < measured; i++) {
                long s = System.nanoTime();
                runner.execute(request);
                samples[i] = System.nanoTime() - s;
            }
            long total = System.nanoTime() - start;
            Arrays.sort(samples);
            System.out.printf("gRPC first call (cold sandbox): %.2f ms%n", cold / 1e6);
            System.out.printf("gRPC warm Execute: %d after %d warm-up; p50 %.0f us, p99 %.0f us, max %.0f us; %.0f calls/s, one client%n",
                    measured, warmup, samples[measured / 2] / 1e3, samples[(int) (measured * 0.99)] / 1e3,
                    samples[measured - 1] / 1e3, measured / (total / 1e9));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
