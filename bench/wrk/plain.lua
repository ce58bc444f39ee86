-- wrk script: plain GETs of the URL given to wrk; prints the same summary line as the other scripts.
function done(summary, latency, requests)
    io.write(string.format("BENCH p50_ms=%.2f p99_ms=%.2f requests=%d errors_status=%d errors_other=%d\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
