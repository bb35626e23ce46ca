-- Ends an admission: replaces what it reserved by what it used, in the second, day and month it
-- was counted in (a count of a period already forgotten is left alone), and frees its stream slot.
-- KEYS: as for admit.lua
-- ARGV: 1 reservation id, 2 second, 3 day, 4 month ('' where the plan has no such limit),
--       5 token difference, 6 nano-dollar difference, 7 '1' to free a stream slot
local function adjust(key, field, delta)
  if field ~= '' and redis.call('HEXISTS', key, field) == 1 then
    if redis.call('HINCRBY', key, field, delta) < 0 then redis.call('HSET', key, field, 0) end
  end
end
adjust(KEYS[2], ARGV[2], ARGV[5])
adjust(KEYS[3], ARGV[3], ARGV[5])
adjust(KEYS[4], ARGV[4], ARGV[6])
if ARGV[7] == '1' then redis.call('ZREM', KEYS[5], ARGV[1]) end
return {}
