-- Extends the reservations and stream leases of requests this instance still serves; one that
-- already lapsed or expired stays gone. An instance that dies stops renewing: its stream slots
-- free themselves within one lease, its reservations stop counting within one lapse.
-- KEYS: 1 open streams (zset of lease expiries), 2 held reservations (zset of deadlines),
--       3 what each holds (hash)
-- ARGV: 1 lease ms, 2 lapse ms, 3.. reservation ids
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lease, lapse = tonumber(ARGV[1]), tonumber(ARGV[2])
local streams = 0
for i = 3, #ARGV do
  streams = streams + redis.call('ZADD', KEYS[1], 'XX', 'CH', now + lease, ARGV[i])
  redis.call('ZADD', KEYS[2], 'XX', now + lapse, ARGV[i])
end
if streams > 0 then redis.call('PEXPIRE', KEYS[1], lease) end
for key = 2, 3 do
  if redis.call('PTTL', KEYS[key]) < lapse then redis.call('PEXPIRE', KEYS[key], lapse) end
end
return {}
