-- One admission: checks every limit of a key's plan and, only if all of them allow it, reserves
-- the demand against each. Atomic, one round trip, every key under the key's hash tag.
-- KEYS: 1 request log (zset), 2 tokens by second (hash), 3 tokens by UTC day (hash),
--       4 spend by UTC month (hash), 5 open streams (zset of lease expiries)
-- ARGV: 1 reservation id, 2 request limit, 3 window ms, 4 tokens per minute, 5 tokens per day,
--       6 monthly budget in nano-dollars, 7 concurrent streams (a limit of -1 is absent),
--       8 tokens demanded, 9 nano-dollars demanded, 10 '1' for a stream, 11 lease ms
-- Returns: admitted (1|0), now ms, denying limit (1 requests, 2 tokens per minute, 3 tokens per
--          day, 4 budget, 5 concurrency), retry after ms, requests remaining, request reset ms
local DAY_MS = 86400000
local MINUTE_HELD_S = 61

local time = redis.call('TIME')
local now_s = tonumber(time[1])
local now = now_s * 1000 + math.floor(tonumber(time[2]) / 1000)
local member = ARGV[1]
local request_limit, window = tonumber(ARGV[2]), tonumber(ARGV[3])
local minute_limit, day_limit = tonumber(ARGV[4]), tonumber(ARGV[5])
local budget, stream_limit = tonumber(ARGV[6]), tonumber(ARGV[7])
local tokens, nanos = tonumber(ARGV[8]), tonumber(ARGV[9])
local is_stream = ARGV[10] == '1'
local lease = tonumber(ARGV[11])

-- year and month of a day number, and the day number of the first of a month (H. Hinnant)
local function civil_from_days(days)
  local z = days + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524)
    - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local month = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (month <= 2 and 1 or 0), month
end
local function first_day_of(year, month)
  local y = month <= 2 and year - 1 or year
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = month > 2 and month - 3 or month + 9
  return era * 146097 + yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100)
    + math.floor((153 * mp + 2) / 5) - 719468
end

local denied, wait = 0, -1
local function deny(limit, ms)
  if ms > wait then denied, wait = limit, ms end
end

local requests = 0
if request_limit >= 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  requests = redis.call('ZCARD', KEYS[1])
  if requests >= request_limit then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    deny(1, tonumber(oldest[2]) + window - now)
  end
end

if minute_limit >= 0 then
  local fields = redis.call('HGETALL', KEYS[2])
  local used, seconds, amounts = 0, {}, {}
  for i = 1, #fields, 2 do
    local second, amount = tonumber(fields[i]), tonumber(fields[i + 1])
    if second <= now_s - MINUTE_HELD_S then
      redis.call('HDEL', KEYS[2], fields[i])
    else
      used = used + amount
      seconds[#seconds + 1] = second
      amounts[second] = amount
    end
  end
  if used + tokens > minute_limit then
    table.sort(seconds)
    local until_fits = MINUTE_HELD_S * 1000
    for _, second in ipairs(seconds) do
      used = used - amounts[second]
      if used + tokens <= minute_limit then
        until_fits = (second + MINUTE_HELD_S) * 1000 - now
        break
      end
    end
    deny(2, until_fits)
  end
end

local today = math.floor(now / DAY_MS)
if day_limit >= 0 then
  local used = tonumber(redis.call('HGET', KEYS[3], today) or '0')
  if used + tokens > day_limit then deny(3, (today + 1) * DAY_MS - now) end
end

local year, month = civil_from_days(today)
local this_month = year * 12 + month - 1
if budget >= 0 then
  local spent = tonumber(redis.call('HGET', KEYS[4], this_month) or '0')
  if spent + nanos > budget then
    local next_year, next_month = year, month + 1
    if next_month > 12 then next_year, next_month = year + 1, 1 end
    deny(4, first_day_of(next_year, next_month) * DAY_MS - now)
  end
end

if stream_limit >= 0 and is_stream then
  redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', now)
  if redis.call('ZCARD', KEYS[5]) >= stream_limit then deny(5, 1000) end
end

-- only the current period of a calendar count is kept
local function keep_only(key, field)
  for _, other in ipairs(redis.call('HKEYS', key)) do
    if other ~= tostring(field) then redis.call('HDEL', key, other) end
  end
end

if denied == 0 then
  if request_limit >= 0 then
    redis.call('ZADD', KEYS[1], now, member)
    redis.call('PEXPIRE', KEYS[1], window)
    requests = requests + 1
  end
  if minute_limit >= 0 then
    redis.call('HINCRBY', KEYS[2], time[1], ARGV[8])
    redis.call('EXPIRE', KEYS[2], MINUTE_HELD_S + 1)
  end
  if day_limit >= 0 then
    keep_only(KEYS[3], today)
    redis.call('HINCRBY', KEYS[3], today, ARGV[8])
    redis.call('PEXPIRE', KEYS[3], 2 * DAY_MS)
  end
  if budget >= 0 then
    keep_only(KEYS[4], this_month)
    redis.call('HINCRBY', KEYS[4], this_month, ARGV[9])
    redis.call('PEXPIRE', KEYS[4], 32 * DAY_MS)
  end
  if stream_limit >= 0 and is_stream then
    redis.call('ZADD', KEYS[5], now + lease, member)
    redis.call('PEXPIRE', KEYS[5], lease)
  end
end

local remaining, reset = -1, now
if request_limit >= 0 then
  remaining = math.max(0, request_limit - requests)
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if oldest[2] then reset = tonumber(oldest[2]) + window end
end
return {denied == 0 and 1 or 0, now, denied, wait, remaining, reset}
