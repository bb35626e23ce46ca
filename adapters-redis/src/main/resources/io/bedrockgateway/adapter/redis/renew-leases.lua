-- Extends the leases of streams this instance still serves; a lease that already expired stays
-- gone. An instance that dies stops renewing, and its slots free themselves within one lease.
-- KEYS: 1 open streams (zset of lease expiries)
-- ARGV: 1 lease ms, 2.. reservation ids
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lease = tonumber(ARGV[1])
for i = 2, #ARGV do
  redis.call('ZADD', KEYS[1], 'XX', now + lease, ARGV[i])
end
redis.call('PEXPIRE', KEYS[1], lease)
return {}
