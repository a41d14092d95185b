-- wrk: the refresh grant (RFC 6749 §6) with rotating refresh tokens. Each refresh token is used once:
-- a pool starts with two tokens per connection (file BENCH_TOKENS, one per line); request() takes
-- one, response() puts back the refresh_token of the answer. wrk has one request in flight per
-- connection, but it may call request() twice for one request (when the first write of a new
-- connection would block, the first token is dropped unsent): the second token per connection is
-- the slack for that. A failed refresh loses its token; when the pool runs dry a request goes out
-- with the token "none" ("starved" below) and fails, so losses always show as non-2xx answers.
-- Env: BENCH_TOKENS, BENCH_AUTH (Basic of the client).
local pool = {}
starved = 0
first_error = ""

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if #line > 0 then pool[#pool + 1] = line end
  end
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local token = table.remove(pool)
  if token == nil then
    starved = starved + 1
    token = "none"
  end
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = os.getenv("BENCH_AUTH"),
  }, "grant_type=refresh_token&refresh_token=" .. urlencode(token))
end

function response(status, headers, body)
  local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if status == 200 and token then
    pool[#pool + 1] = token
  elseif first_error == "" then
    first_error = status .. " " .. body:sub(1, 200)
  end
end

local threads = {}
function setup(thread) threads[#threads + 1] = thread end

function done(summary, latency, requests)
  local total, err = 0, ""
  for _, t in ipairs(threads) do
    total = total + t:get("starved")
    if err == "" then err = t:get("first_error") end
  end
  io.write(string.format("starved: %d\n", total))
  if err ~= "" then io.write("first error: " .. err .. "\n") end
end
