// The bare reference of `./knooppunt bench`: node:http answering every request with the bytes
// of Knooppunt's home page, to show what the network and Node cost without any framework.
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const body = fs.readFileSync(file as string);
http
  .createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": body.length,
    });
    res.end(body);
  })
  .listen(Number(port), "127.0.0.1", () => console.log("reference listening"));
