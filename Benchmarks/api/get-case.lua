-- GET /v1/cases/{id} on a random seeded case.
local shared = dofile(os.getenv("EPTRACK_BENCH_DIR") .. "/ids.lua")
request = function()
    local id = shared.ids[math.random(#shared.ids)]
    return wrk.format("GET", "/v1/cases/" .. id, { ["Authorization"] = "Bearer " .. shared.token })
end
