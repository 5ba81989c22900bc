#!/usr/bin/python3
"""Adds N published posts (news, events, service information) to the demo municipality of a Rathausplatz
SQLite database, straight through SQL: the benchmark needs bulk data, production code needs no bulk seeder.
Columns are read from the schema, so new nullable columns need no change here."""
import sqlite3, sys, uuid, datetime

db_path, count = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(db_path)
org = db.execute("SELECT Id FROM Organization ORDER BY CreatedAt LIMIT 1").fetchone()[0]
columns = {row[1]: row for row in db.execute("PRAGMA table_info(Post)")}
now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
fmt = lambda t: t.strftime("%Y-%m-%d %H:%M:%S")
body = "\n\n".join(["Die Stadt informiert über **aktuelle Vorhaben** im Stadtteil. " * 8] * 6)
types = [0] * 7 + [1, 2, 2]  # mostly news, some service information and events
for i in range(count):
    kind = types[i % len(types)]
    pid = str(uuid.uuid4()).upper()
    row = {"Id": pid, "OrganizationId": org, "Type": kind, "Slug": f"bench-{i:04d}", "Status": 3,
           "PublishedAt": fmt(now - datetime.timedelta(minutes=i + 1)), "EventAllDay": 0,
           "CreatedById": str(uuid.uuid4()).upper(), "CreatedByName": "Benchmark",
           "CreatedAt": fmt(now - datetime.timedelta(minutes=i + 2)), "UpdatedAt": fmt(now - datetime.timedelta(minutes=i + 1))}
    if kind == 2:
        row["EventStart"] = fmt(now + datetime.timedelta(days=1 + i % 60, hours=18))
        row["PlaceName"] = "Rathaus, großer Saal"
    if kind == 1:
        row["ValidUntil"] = fmt(now + datetime.timedelta(days=30))
    for name, (_, _, ctype, notnull, default, pk) in columns.items():
        if name not in row and notnull and default is None:
            row[name] = 0 if "INT" in ctype.upper() else ""
    names = ",".join(f'"{k}"' for k in row)
    db.execute(f"INSERT INTO Post ({names}) VALUES ({','.join('?' * len(row))})", list(row.values()))
    db.execute('INSERT INTO PostContents ("PostId","Language","Title","Summary","Body") VALUES (?,?,?,?,?)',
               (pid, "de", f"Meldung Nummer {i} aus dem Rathaus", "Eine kurze Zusammenfassung der Meldung.", body))
db.commit()
print(db.execute("SELECT COUNT(*) FROM Post").fetchone()[0], "posts in the database")
