-- Shared by the wrk scripts: the seeded case ids and the token.
local ids = {}
for line in io.lines(os.getenv("EPTRACK_BENCH_IDS")) do ids[#ids + 1] = line end
local token = os.getenv("EPTRACK_BENCH_TOKEN")
math.randomseed(os.time())
return { ids = ids, token = token }
