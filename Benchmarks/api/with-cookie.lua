-- A fixed path as a signed-in browser asks for it: the session cookie, no bearer token.
wrk.headers["Cookie"] = "eptrack_session=" .. os.getenv("EPTRACK_BENCH_SESSION")
wrk.headers["Accept"] = "text/html"
