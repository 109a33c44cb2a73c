// The load generator of `./knooppunt bench`, run as its own process so it can sit on its own
// core (taskset -c 1): a short warm-up, then the measured run. Prints one LOAD_JSON line with
// every latency percentile computed from all responses (autocannon's own summary has no p95).
import autocannon from "autocannon";
import { percentile } from "./report.ts";

const { url, connections, seconds, warmupSeconds, headers } = JSON.parse(process.argv[2] ?? "{}");

function run(duration: number, onResponse?: (status: number, ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers, timeout: 30 }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    if (onResponse)
      instance.on("response", (_client, status, _bytes, responseTime) =>
        onResponse(status, responseTime),
      );
  });
}

if (warmupSeconds > 0) {
  await run(warmupSeconds);
  // the warm-up's queued requests finish before the measured run starts
  await (await fetch(url, { headers, redirect: "manual" }).catch(() => null))?.arrayBuffer();
}
const latencies: number[] = [];
const result = await run(seconds, (_status, ms) => latencies.push(ms));
console.log(
  `LOAD_JSON ${JSON.stringify({
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: result.requests.total / seconds,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes: result.statusCodeStats,
  })}`,
);
