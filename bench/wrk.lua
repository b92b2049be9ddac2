-- wrk script for the benchmark: POSTs bodies read from $BENCH_BODIES (one urlencoded body per line), each thread
-- taking every $BENCH_THREADS-th line from its own offset and cycling; without $BENCH_BODIES it sends plain GETs.
-- With $BENCH_LIMIT each thread stops once its share of that many replies has arrived, noting the time it started
-- and stopped (wrk's own duration then includes waiting to be interrupted) and touching $BENCH_MARK.<offset>.
-- A reply counts as an error unless it is HTTP 200 without an {"api_reply":{"error" envelope.
-- done() prints one line "BENCH_JSON {...}" with the counts and latency percentiles (microseconds).

local threads = {}

function setup(thread)
    thread:set("offset", #threads)
    table.insert(threads, thread)
end

function init(args)
    step = tonumber(os.getenv("BENCH_THREADS") or "1")
    local limit = tonumber(os.getenv("BENCH_LIMIT") or "0")
    share = limit > 0 and math.ceil(limit / step) or 0
    replies, errors, created, updated = 0, 0, 0, 0
    bodies = {}
    local path = os.getenv("BENCH_BODIES")
    if path and path ~= "" then
        for line in io.lines(path) do
            bodies[#bodies + 1] = line
        end
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    end
    first = offset + 1
    position = first
    started_ns = share > 0 and clock_ns() or 0
    stopped_ns = 0
end

function clock_ns()
    local pipe = io.popen("date +%s%N")
    local value = tonumber(pipe:read("*l"))
    pipe:close()
    return value
end

function request()
    if #bodies == 0 then
        return wrk.format()
    end
    local body = bodies[position]
    position = position + step
    if position > #bodies then
        position = first
    end
    return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
    replies = replies + 1
    if status ~= 200 or string.find(body, '{"api_reply":{"error"', 1, true) == 1 then
        errors = errors + 1
        if errors <= 3 then
            io.stderr:write("unexpected reply " .. status .. ": " .. string.sub(body, 1, 300) .. "\n")
        end
    elseif string.find(body, '"action":"created"', 1, true) then
        created = created + 1
    elseif string.find(body, '"action":"updated"', 1, true) then
        updated = updated + 1
    end
    if share > 0 and replies == share then
        stopped_ns = clock_ns()
        io.open(os.getenv("BENCH_MARK") .. "." .. offset, "w"):close()
        wrk.thread:stop()
    end
end

function done(summary, latency, requests)
    local totals = { replies = 0, errors = 0, created = 0, updated = 0 }
    local first_start, last_stop = nil, 0
    for _, thread in ipairs(threads) do
        for name, _ in pairs(totals) do
            totals[name] = totals[name] + (thread:get(name) or 0)
        end
        local started, stopped = thread:get("started_ns") or 0, thread:get("stopped_ns") or 0
        if first_start == nil or started < first_start then first_start = started end
        if stopped > last_stop then last_stop = stopped end
    end
    -- With a limit the run lasted from the first thread's start to the last thread's stop.
    local elapsed_us = summary.duration
    if last_stop > 0 then elapsed_us = math.floor((last_stop - first_start) / 1000) end
    local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format(
        'BENCH_JSON {"requests":%d,"duration_us":%d,"elapsed_us":%d,"replies":%d,"errors":%d,"http_errors":%d,"socket_errors":%d,' ..
        '"created":%d,"updated":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
        summary.requests, summary.duration, elapsed_us, totals.replies, totals.errors, summary.errors.status, socket_errors,
        totals.created, totals.updated, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
