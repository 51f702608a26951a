-- A fixed path with the bearer token (wrk's default request, authenticated).
local token = os.getenv("EPTRACK_BENCH_TOKEN")
wrk.headers["Authorization"] = "Bearer " .. token
