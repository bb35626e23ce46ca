-- Ends an admission: what it held stops counting, and what it used counts, in the second, day and
-- month it was admitted in (a count of a period already forgotten is left alone); its stream slot
-- is freed. The reservation is then marked settled for one lapse, so that a settlement run again
-- (a retry after a timeout) counts nothing twice. A reservation that already lapsed no longer
-- holds anything: what its request used is counted all the same.
-- KEYS: as for admit.lua
-- ARGV: 1 reservation id, 2 second, 3 day, 4 month ('-' where the plan has no such limit),
--       5 tokens used, 6 nano-dollars used, 7 '1' to free a stream slot, 8 lapse ms
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local member = ARGV[1]
local used_tokens, used_nanos = tonumber(ARGV[5]), tonumber(ARGV[6])
local lapse = tonumber(ARGV[8])

local function adjust(key, field, delta)
  if field ~= '-' and redis.call('HEXISTS', key, field) == 1 then
    if redis.call('HINCRBY', key, field, delta) <= 0 then redis.call('HDEL', key, field) end
  end
end
local function add(key, field, amount)
  if field ~= '-' and redis.call('HEXISTS', key, field) == 1 then
    redis.call('HINCRBY', key, field, amount)
  end
end

if ARGV[7] == '1' then redis.call('ZREM', KEYS[5], member) end

local entry = redis.call('HGET', KEYS[7], member)
if entry == 'settled' then return {0} end

local second, day, month = ARGV[2], ARGV[3], ARGV[4]
local held_tokens, held_nanos = 0, 0
if entry then
  local at, t, n, s, d, m = string.match(entry, '^(%d+) (%d+) (%d+) (%S+) (%S+) (%S+)$')
  if at then
    second, day, month = s, d, m
    held_tokens, held_nanos = tonumber(t), tonumber(n)
    adjust(KEYS[7], day == '-' and '-' or 'day:' .. day, -held_tokens)
    adjust(KEYS[7], month == '-' and '-' or 'month:' .. month, -held_nanos)
  end
  redis.call('HSET', KEYS[7], member, 'settled')
  redis.call('ZADD', KEYS[6], now + lapse, member)
end
-- the second's count held the reservation itself
if second ~= '-' and redis.call('HEXISTS', KEYS[2], second) == 1 then
  if redis.call('HINCRBY', KEYS[2], second, used_tokens - held_tokens) < 0 then
    redis.call('HSET', KEYS[2], second, 0)
  end
end
add(KEYS[3], day, used_tokens)
add(KEYS[4], month, used_nanos)
return {1}
