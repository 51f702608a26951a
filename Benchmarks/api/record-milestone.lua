-- POST /v1/cases/{id}/milestones: a family time session on a random seeded case.
local shared = dofile(os.getenv("EPTRACK_BENCH_DIR") .. "/ids.lua")
local body = '{"kind":"family_time","occurred_on":"2025-10-01","details":{"status":"attended","supervised":true}}'
request = function()
    local id = shared.ids[math.random(#shared.ids)]
    return wrk.format("POST", "/v1/cases/" .. id .. "/milestones",
        { ["Authorization"] = "Bearer " .. shared.token, ["Content-Type"] = "application/json" }, body)
end
-- No response function: the scripts report wrk's own count of non-2xx answers (a counter
-- kept here was never read).
return { request = request }
