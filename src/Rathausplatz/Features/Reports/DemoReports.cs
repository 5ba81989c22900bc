using Rathausplatz.Data;
using Rathausplatz.Features.Organizations;

namespace Rathausplatz.Features.Reports;

/// <summary>Departments and report categories for the demo town, so "Mängel melden" works on a fresh install.</summary>
public static class DemoReports
{
    public static async Task SeedAsync(AppDb db, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Department Department(string name, string slug, string email)
        {
            var d = new Department { Name = name, Slug = slug, ContactEmail = email, CreatedAt = now };
            db.Add(d);
            return d;
        }
        var roads = Department("Tiefbauamt", "tiefbauamt", "tiefbau@musterstadt.example");
        var order = Department("Ordnungsamt", "ordnungsamt", "ordnung@musterstadt.example");
        var parks = Department("Grünflächenamt", "gruenflaechenamt", "gruen@musterstadt.example");

        var position = 0;
        ReportCategory Category(string code, string name, string group, string description, string keywords, Department department, int dueDays)
        {
            var c = new ReportCategory
            {
                Code = code, Name = name, Group = group, Description = description, Keywords = keywords,
                DepartmentId = department.Id, DueDays = dueDays, Position = position++, CreatedAt = now, UpdatedAt = now,
            };
            db.Add(c);
            return c;
        }
        Category("strassenschaden", "Straßenschaden", "Straße und Verkehr", "Schlaglöcher, Risse, abgesackte Gehwegplatten.", "Schlagloch,Gehweg,Fahrbahn", roads, 14)
            .Fields.Add(new ReportCategoryField
            {
                Code = "blockiert", Datatype = ReportFieldType.SingleValueList, Required = true, Position = 0,
                Label = "Ist der Weg dadurch blockiert?",
                Values = [new("nein", "Nein"), new("teilweise", "Teilweise"), new("ganz", "Ganz")],
            });
        Category("beleuchtung", "Beleuchtung defekt", "Straße und Verkehr", "Eine Straßenlaterne brennt nicht oder flackert.", "Laterne,Licht,Straßenlampe", roads, 7)
            .Fields.Add(new ReportCategoryField
            {
                Code = "mastnummer", Datatype = ReportFieldType.String, Position = 0,
                Label = "Nummer am Mast", DatatypeDescription = "Steht auf einem Schild am Laternenmast, zum Beispiel 12-034.",
            });
        Category("muell", "Illegale Müllablagerung", "Sauberkeit", "Abgeladener Sperrmüll, Bauschutt oder Säcke.", "Müll,Sperrmüll,Abfall", order, 10);
        Category("spielplatz", "Spielplatz", "Grün und Spiel", "Kaputte Spielgeräte, Glasscherben, Verunreinigungen.", "Spielgerät,Sandkasten,Schaukel", parks, 5);
        Category("gruenflaeche", "Baum und Grünfläche", "Grün und Spiel", "Umgestürzte Bäume, herabhängende Äste, verwilderte Beete.", "Baum,Ast,Hecke", parks, 21);
        await db.SaveChangesAsync();
    }
}
