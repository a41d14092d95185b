-- wrk: the same POST on every request. Env: BENCH_BODY (form body), BENCH_AUTH (Authorization value).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
