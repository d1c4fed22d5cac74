/**
 * Token bucket in one Redis round trip, atomic across every gateway replica. The clock is Redis's own (TIME),
 * so replicas with skewed clocks share one bucket fairly. Same arithmetic as takeTokens in rate-limit-rules.ts: it takes
 * up to ARGV[3] tokens at once (a replica's lease, token-lease.ts) and grants what the bucket holds of them, whole.
 * KEYS[1] bucket; ARGV[1] limit; ARGV[2] window in ms; ARGV[3] tokens wanted (default 1).
 * Returns { granted, remaining, retryAfterMs (until a whole token is there again; 0 while one is), resetMs }.
 */
export const TOKEN_BUCKET_LUA = `
local limit = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local want = tonumber(ARGV[3]) or 1
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = limit; at = now end
local rate = limit / window_ms
tokens = math.min(limit, tokens + math.max(0, now - at) * rate)
local granted = math.max(0, math.min(want, math.floor(tokens)))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], window_ms)
local retry = 0
if tokens < 1 then retry = math.ceil((1 - tokens) / rate) end
return { granted, math.floor(tokens), retry, math.ceil((limit - tokens) / rate) }
`;
