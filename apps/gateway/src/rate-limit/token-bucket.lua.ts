/**
 * Token bucket in one Redis round trip, atomic across every gateway replica. The clock is Redis's own (TIME),
 * so replicas with skewed clocks share one bucket fairly. Same arithmetic as takeToken in rate-limit-rules.ts.
 * KEYS[1] bucket; ARGV[1] limit; ARGV[2] window in ms. Returns { allowed 0|1, remaining, retryAfterMs, resetMs }.
 */
export const TOKEN_BUCKET_LUA = `
local limit = tonumber(ARGV[1])
local window_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then tokens = limit; at = now end
local rate = limit / window_ms
tokens = math.min(limit, tokens + math.max(0, now - at) * rate)
local allowed = 0
if tokens >= 1 then tokens = tokens - 1; allowed = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], window_ms)
local retry = 0
if allowed == 0 then retry = math.ceil((1 - tokens) / rate) end
return { allowed, math.floor(tokens), retry, math.ceil((limit - tokens) / rate) }
`;
