-- One admission: checks every limit of a key's plan and, only if all of them allow it, reserves
-- the demand against each. Atomic, one round trip, every key under the key's hash tag.
-- What a request reserves is held apart from what settled requests used: held until its request
-- settles, or until its deadline passes without its instance renewing it (the lapse). So the
-- reservation of an admission whose answer never reached its instance (a timeout), or whose
-- instance died, stops counting within the lapse instead of at the end of the day or month, while
-- what settled requests used stays counted for the whole period.
-- An admission is known by its reservation id: run again with the same id (a retry after a
-- timeout, when the first run may have counted), it answers as it did instead of counting twice.
-- KEYS: 1 request log (zset), 2 tokens by second (hash), 3 settled tokens by UTC day (hash),
--       4 settled spend by UTC month (hash), 5 open streams (zset of lease expiries),
--       6 held reservations (zset of deadlines), 7 what each holds (hash: id -> 'at tokens nanos
--       second day month', '-' where the plan has no such limit, or 'settled'; and the held
--       totals 'day:<day>' and 'month:<month>')
-- ARGV: 1 reservation id, 2 request limit, 3 window ms, 4 tokens per minute, 5 tokens per day,
--       6 monthly budget in nano-dollars, 7 concurrent streams (a limit of -1 is absent),
--       8 tokens demanded, 9 nano-dollars demanded, 10 '1' for a stream, 11 lease ms, 12 lapse ms
-- Returns: admitted (1|0), admitted at ms, denying limit (1 requests, 2 tokens per minute, 3 tokens
--          per day, 4 budget, 5 concurrency), retry after ms, requests remaining, request reset ms;
--          then what the key has used, this admission included (-1 where the plan has no such
--          limit): requests in the window, tokens in the sliding minute, tokens today, nano-dollars
--          this month

local DAY_MS = 86400000
local MINUTE_HELD_S = 61
local SWEEP_AT_MOST = 1000

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
local lapse = tonumber(ARGV[12])

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

-- adds delta to a count that is still kept; a count of a period already forgotten is left alone
local function adjust(key, field, delta)
  if field ~= '-' and redis.call('HEXISTS', key, field) == 1 then
    if redis.call('HINCRBY', key, field, delta) <= 0 then redis.call('HDEL', key, field) end
  end
end

-- reservations whose deadline passed stop counting, as if they had used nothing; settled ones
-- (kept a while so that a repeated settlement is not counted twice) are forgotten
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[6], '-inf', now, 'LIMIT', 0, SWEEP_AT_MOST)) do
  local entry = redis.call('HGET', KEYS[7], id)
  local at, held_tokens, held_nanos, second, day, month
  if entry then
    at, held_tokens, held_nanos, second, day, month =
      string.match(entry, '^(%d+) (%d+) (%d+) (%S+) (%S+) (%S+)$')
  end
  if held_tokens then
    adjust(KEYS[2], second, -tonumber(held_tokens))
    adjust(KEYS[7], day == '-' and '-' or 'day:' .. day, -tonumber(held_tokens))
    adjust(KEYS[7], month == '-' and '-' or 'month:' .. month, -tonumber(held_nanos))
  end
  redis.call('HDEL', KEYS[7], id)
  redis.call('ZREM', KEYS[6], id)
end

-- what the key has used, as the limits of its plan see it (-1 where the plan has no such limit)
local requests = 0
if request_limit >= 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  requests = redis.call('ZCARD', KEYS[1])
end

local minute_used, seconds, amounts = -1, {}, {}
if minute_limit >= 0 then
  minute_used = 0
  local fields = redis.call('HGETALL', KEYS[2])
  for i = 1, #fields, 2 do
    local second, amount = tonumber(fields[i]), tonumber(fields[i + 1])
    if second <= now_s - MINUTE_HELD_S then
      redis.call('HDEL', KEYS[2], fields[i])
    else
      minute_used = minute_used + amount
      seconds[#seconds + 1] = second
      amounts[second] = amount
    end
  end
end

local function held(field)
  return tonumber(redis.call('HGET', KEYS[7], field) or '0')
end

local today = math.floor(now / DAY_MS)
local day_used = -1
if day_limit >= 0 then
  day_used = tonumber(redis.call('HGET', KEYS[3], today) or '0') + held('day:' .. today)
end

local year, month = civil_from_days(today)
local this_month = year * 12 + month - 1
local month_used = -1
if budget >= 0 then
  month_used = tonumber(redis.call('HGET', KEYS[4], this_month) or '0')
    + held('month:' .. this_month)
end

local function answer(admitted, at, denied, wait)
  local remaining, reset = -1, now
  if request_limit >= 0 then
    remaining = math.max(0, request_limit - requests)
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    if oldest[2] then reset = tonumber(oldest[2]) + window end
  end
  return {admitted, at, denied, wait, remaining, reset, requests, minute_used, day_used, month_used}
end

-- the same admission again: answer as the first run did
local earlier = redis.call('HGET', KEYS[7], member)
if earlier then
  return answer(1, tonumber(string.match(earlier, '^(%d+) ') or now), 0, -1)
end

local denied, wait = 0, -1
local function deny(limit, ms)
  if ms > wait then denied, wait = limit, ms end
end

if request_limit >= 0 and requests >= request_limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  deny(1, tonumber(oldest[2]) + window - now)
end

if minute_limit >= 0 and minute_used + tokens > minute_limit then
  table.sort(seconds)
  local used, until_fits = minute_used, MINUTE_HELD_S * 1000
  for _, second in ipairs(seconds) do
    used = used - amounts[second]
    if used + tokens <= minute_limit then
      until_fits = (second + MINUTE_HELD_S) * 1000 - now
      break
    end
  end
  deny(2, until_fits)
end

if day_limit >= 0 and day_used + tokens > day_limit then
  deny(3, (today + 1) * DAY_MS - now)
end

if budget >= 0 and month_used + nanos > budget then
  local next_year, next_month = year, month + 1
  if next_month > 12 then next_year, next_month = year + 1, 1 end
  deny(4, first_day_of(next_year, next_month) * DAY_MS - now)
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

local function longer(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end

if denied ~= 0 then
  return answer(0, now, denied, wait)
end

local second, day, month_field = '-', '-', '-'
if request_limit >= 0 then
  redis.call('ZADD', KEYS[1], now, member)
  redis.call('PEXPIRE', KEYS[1], window)
  requests = requests + 1
end
if minute_limit >= 0 then
  second = time[1]
  redis.call('HINCRBY', KEYS[2], second, ARGV[8])
  redis.call('EXPIRE', KEYS[2], MINUTE_HELD_S + 1)
  minute_used = minute_used + tokens
end
if day_limit >= 0 then
  day = tostring(today)
  keep_only(KEYS[3], today)
  -- the settled count is there from the day's first admission on, for settlements to find
  redis.call('HINCRBY', KEYS[3], today, 0)
  redis.call('PEXPIRE', KEYS[3], 2 * DAY_MS)
  redis.call('HINCRBY', KEYS[7], 'day:' .. day, ARGV[8])
  day_used = day_used + tokens
end
if budget >= 0 then
  month_field = tostring(this_month)
  keep_only(KEYS[4], this_month)
  redis.call('HINCRBY', KEYS[4], this_month, 0)
  redis.call('PEXPIRE', KEYS[4], 32 * DAY_MS)
  redis.call('HINCRBY', KEYS[7], 'month:' .. month_field, ARGV[9])
  month_used = month_used + nanos
end
if stream_limit >= 0 and is_stream then
  redis.call('ZADD', KEYS[5], now + lease, member)
  redis.call('PEXPIRE', KEYS[5], lease)
end
if request_limit >= 0 or minute_limit >= 0 or day_limit >= 0 or budget >= 0
    or stream_limit >= 0 then
  redis.call('HSET', KEYS[7], member, string.format('%d', now) .. ' ' .. ARGV[8] .. ' '
    .. ARGV[9] .. ' ' .. second .. ' ' .. day .. ' ' .. month_field)
  redis.call('ZADD', KEYS[6], now + lapse, member)
  -- the held totals live as long as the reservations behind them
  longer(KEYS[6], lapse)
  longer(KEYS[7], lapse)
end
return answer(1, now, 0, -1)
