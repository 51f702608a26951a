-- The milestone write of record-milestone.lua, paced: each connection waits EPTRACK_BENCH_DELAY_MS
-- between requests, so a few connections hold a steady rate below the peak (the soak).
local write = dofile(os.getenv("EPTRACK_BENCH_DIR") .. "/record-milestone.lua")
local pause = tonumber(os.getenv("EPTRACK_BENCH_DELAY_MS"))
request = write.request
delay = function() return pause end
