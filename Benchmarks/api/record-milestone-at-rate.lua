-- The milestone write of record-milestone.lua offered at a fixed rate: each of wrk's threads
-- sends EPTRACK_BENCH_RATE_PER_THREAD requests a second, spread over its connections, whatever
-- the answers' latency (until every connection is waiting for one). So the latency measured is
-- that of a server offered this load, not of one driven as fast as it can go. A slot missed
-- because every connection was waiting is dropped, not sent late: a server that cannot keep up
-- shows as a rate below the one offered, and its latency leaves out the queue.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } eptrack_timespec;
int clock_gettime(int clock, eptrack_timespec *now);
]]
local now_spec = ffi.new("eptrack_timespec")
local function now_ms()
    ffi.C.clock_gettime(1, now_spec)  -- CLOCK_MONOTONIC
    return tonumber(now_spec.tv_sec) * 1000 + tonumber(now_spec.tv_nsec) / 1e6
end

local write = dofile(os.getenv("EPTRACK_BENCH_DIR") .. "/record-milestone.lua")
local interval = 1000 / tonumber(os.getenv("EPTRACK_BENCH_RATE_PER_THREAD"))
local next_slot = nil

request = write.request
-- Called before each request on a connection: the request waits for the thread's next free slot.
delay = function()
    local now = now_ms()
    next_slot = math.max(next_slot or now, now)
    -- wrk takes whole milliseconds (it truncates): rounded up, no request leaves early.
    local wait = math.ceil(next_slot - now)
    next_slot = next_slot + interval
    return wait
end
