// Parses an iCalendar file (path as argument, else stdin) with ical.js and prints its events as JSON:
// start and end as written (local time with zone id, or a date), and as UTC instants computed by ical.js
// from the file's own VTIMEZONE, which proves the zone data is usable.
const fs = require("fs");
const ICAL = require("ical.js");

const text = fs.readFileSync(process.argv[2] ?? 0, "utf8");
const calendar = new ICAL.Component(ICAL.parse(text));
for (const zone of calendar.getAllSubcomponents("vtimezone"))
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
const time = t => t && ({ value: t.toString(), zone: t.zone?.tzid ?? null, isDate: t.isDate, utc: t.isDate ? null : t.toJSDate().toISOString() });
const expand = e => {
  const found = [];
  const it = e.iterator();
  for (let next = it.next(); next && found.length < 60; next = it.next())
    found.push(next.isDate ? next.toString() : next.toJSDate().toISOString());
  return found;
};
const events = calendar.getAllSubcomponents("vevent").map(c => {
  const e = new ICAL.Event(c);
  return {
    uid: e.uid, summary: e.summary, location: e.location ?? null, url: c.getFirstPropertyValue("url"),
    geo: c.getFirstPropertyValue("geo"), start: time(e.startDate), end: time(e.endDate),
    startTzid: c.getFirstProperty("dtstart").getParameter("tzid") ?? null,
    rrule: c.getFirstPropertyValue("rrule")?.toString() ?? null,
    // A repeating event's occurrences as ical.js expands them (RRULE minus EXDATE), at most 60.
    occurrences: e.isRecurring() ? expand(e) : null,
  };
});
console.log(JSON.stringify({ name: calendar.getFirstPropertyValue("x-wr-calname"), timezones: calendar.getAllSubcomponents("vtimezone").map(z => z.getFirstPropertyValue("tzid")), events }));
