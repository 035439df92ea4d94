// Preload with `node -r /tmp/pg-research/loopback-only.js ...` (or NODE_OPTIONS=--require=...)
// Forces every net.Server.listen() without an explicit host onto 127.0.0.1.
// The playground calls server.listen(port, cb) (all interfaces) and has no --host option.
const net = require("net");
const orig = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const host = process.env.PLAYGROUND_BIND_HOST || "127.0.0.1";
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== "string") args.splice(1, 0, host);
  } else if (args[0] && typeof args[0] === "object" && !("path" in args[0]) && !args[0].host) {
    args[0] = { ...args[0], host };
  }
  return orig.apply(this, args);
};
