// Parses an RSS or Atom file (path as argument, else stdin) with rss-parser and prints what it understood as JSON.
// rss-parser rejects malformed XML, so a zero exit code also means the feed is well-formed.
const fs = require("fs");
const Parser = require("rss-parser");

const xml = fs.readFileSync(process.argv[2] ?? 0, "utf8");
new Parser().parseString(xml).then(
  feed => {
    const items = feed.items.map(i => ({ title: i.title, link: i.link, id: i.guid ?? i.id, date: i.isoDate, summary: i.contentSnippet ?? i.summary }));
    console.log(JSON.stringify({ title: feed.title, link: feed.link, items }));
  },
  error => { console.error(String(error)); process.exit(1); });
