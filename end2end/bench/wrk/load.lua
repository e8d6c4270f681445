-- wrk script for `make bench`. Without arguments: the URL as given (GET). With arguments
-- `<body template> <keys dir> [repeat %]`: dossier submissions, each with a fresh idempotency
-- key (or, for `repeat %` of requests, an earlier key of the same thread), every new key written
-- to <keys dir>/keys-<thread>.txt as it is sent. done() prints one line: WRK_JSON {...}.

local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function init(args)
  sent_new = 0
  sent = 0
  if #args == 0 then return end
  local file = assert(io.open(args[1]))
  template = file:read("*a")
  file:close()
  repeat_percent = tonumber(args[3] or "0")
  keys = {}
  math.randomseed(os.time() * 100 + id)
  out = assert(io.open(args[2] .. "/keys-" .. id .. ".txt", "w"))
  out:setvbuf("line")
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  if not template then return wrk.request() end
  sent = sent + 1
  local key
  if repeat_percent > 0 and #keys > 0 and math.random() * 100 < repeat_percent then
    key = keys[math.random(#keys)]
  else
    key = uuid()
    keys[#keys + 1] = key
    sent_new = sent_new + 1
    out:write(key, "\n")
  end
  return wrk.format(nil, nil, nil, (string.gsub(template, "@KEY@", key)))
end

function done(summary, latency, requests)
  local new_keys, sent_all = 0, 0
  for _, thread in ipairs(threads) do
    new_keys = new_keys + (thread:get("sent_new") or 0)
    sent_all = sent_all + (thread:get("sent") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},"new_keys":%d,"sent":%d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean, new_keys, sent_all))
end
