// The JS Bot Framework SDK's echo bot (CloudAdapter + ActivityHandler), anonymous like CopBot's local mode,
// on a bare node:http server so no web framework adds cost to the baseline. Usage: node index.js <port>
'use strict';
const http = require('node:http');
const { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');

const port = Number(process.argv[2] || 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`turn failed: ${error}`);
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}
const bot = new EchoBot();

// The request/response shapes CloudAdapter.process expects (what restify or express would provide).
function shim(res) {
  return {
    socket: res.socket,
    status(code) { res.statusCode = code; },
    header(name, value) { res.setHeader(name, value); },
    send(body) {
      if (body === undefined) { return; }
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      if (!res.hasHeader('content-type')) { res.setHeader('content-type', 'application/json'); }
      res.write(text);
    },
    end() { res.end(); },
  };
}

http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = req.url === '/healthz' ? 200 : 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    adapter.process({ body, headers: req.headers, method: req.method }, shim(res), (context) => bot.run(context))
      .catch((error) => { console.error(error); if (!res.writableEnded) { res.statusCode = 500; res.end(); } });
  });
}).listen(port, '127.0.0.1', () => console.log(`js echo bot on 127.0.0.1:${port}`));
