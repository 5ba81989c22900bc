using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Tests.Support;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Features.Newsroom.Feeds;

/// <summary>The CAP feed and messages, validated against the OASIS CAP 1.2 schema (Schemas/CAP-v1.2.xsd).</summary>
public abstract class CapTests(RathausplatzApp app)
{
    private static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task TheCapFeedListsTheAlertsInForceOfTheOwnOrganizationAndLinksTheirMessages()
    {
        var org = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, expiring) = await app.PublishedPostAsync(editor, PostType.Alert, f => f.ValidUntil = TownTime.ToLocal(app.Now.AddHours(1)));
        var (_, active) = await app.PublishedPostAsync(editor, PostType.Alert, f => f.ValidUntil = TownTime.ToLocal(app.Now.AddDays(2)));
        var (_, future) = await app.PublishedPostAsync(editor, PostType.Alert, f => (f.ValidFrom, f.ValidUntil) = (TownTime.ToLocal(app.Now.AddDays(1)), TownTime.ToLocal(app.Now.AddDays(2))));
        var (_, draft) = await app.DraftPostAsync(editor, PostType.Alert);
        var (_, news) = await app.PublishedPostAsync(editor);
        var (_, foreign) = await app.PublishedPostAsync(await app.CreateEditorAsync(other), PostType.Alert);
        var client = app.CreateClient(org);
        var before = await client.GetStringAsync("/feeds/cap");

        app.AdvanceTime(TimeSpan.FromHours(2));
        using var response = await client.GetAsync("/feeds/cap");
        var xml = await response.Content.ReadAsStringAsync();
        var parsed = await ThirdPartyParsers.ParseFeedAsync(xml);
        var entries = XDocument.Parse(xml).Root!.Elements(Atom + "entry").ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expiring, before);
        var entry = Assert.Single(entries);
        Assert.Equal(1, parsed.GetProperty("items").GetArrayLength());
        var capLink = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("type") == "application/cap+xml");
        Assert.Equal($"https://{org.Host}/aktuelles/{active}/cap.xml", (string?)capLink.Attribute("href"));
        Assert.Equal("alternate", (string?)capLink.Attribute("rel"));
        foreach (var absent in new[] { expiring, future, draft, news, foreign })
            Assert.DoesNotContain(absent, xml);
        var message = await client.GetAsync(new Uri((string)capLink.Attribute("href")!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal("application/cap+xml", message.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(AlertSeverity.Info, "Minor", "Future", "Other", "Hinweis")]
    [InlineData(AlertSeverity.Warning, "Moderate", "Expected", "Safety", "Warnung")]
    [InlineData(AlertSeverity.Danger, "Extreme", "Immediate", "Safety", "Gefahr")]
    public async Task EveryAlertIsAValidCap12MessageWithTheMappedFields(AlertSeverity severity, string capSeverity, string urgency, string category, string eventName)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var district = await app.AddDistrictAsync(org, "Altstadt");
        var from = app.Now.AddMinutes(-30);
        var until = app.Now.AddHours(6);
        var (id, slug) = await app.PublishedPostAsync(editor, PostType.Alert, f =>
        {
            (f.Severity, f.ValidFrom, f.ValidUntil, f.DistrictIds) = (severity, TownTime.ToLocal(from), TownTime.ToLocal(until), [district.Id]);
            (f.Title, f.Summary, f.Body) = ("Wasserrohrbruch & Sperrung", "Die Hauptstraße ist gesperrt.", "Bitte **meiden** Sie den Bereich.");
            (f.TitleEnglish, f.SummaryEnglish) = ("Burst water main", "Main street is closed.");
            (f.ContactName, f.ContactEmail) = ("Ordnungsamt", "ordnung@example.org");
        });

        var xml = await app.CreateClient(org).GetStringAsync($"/aktuelles/{slug}/cap.xml");
        var alert = XDocument.Parse(xml).Root!;
        string? Value(XElement parent, string name) => parent.Element(Cap + name)?.Value;
        var infos = alert.Elements(Cap + "info").ToList();
        var german = infos[0];

        Assert.Empty(XmlSchemas.Validate(xml, "CAP-v1.2.xsd"));
        Assert.Equal(Cap + "alert", alert.Name);
        Assert.Equal($"{org.Host}-{id}", Value(alert, "identifier"));
        Assert.Equal(org.Host, Value(alert, "sender"));
        Assert.Equal(CapTime(app.Now), Value(alert, "sent"));
        Assert.Equal(("Actual", "Alert", "Public"), (Value(alert, "status"), Value(alert, "msgType"), Value(alert, "scope")));
        Assert.Equal(["de-DE", "en-US"], infos.Select(i => Value(i, "language")));
        Assert.Equal((category, eventName, urgency, capSeverity, "Observed"),
            (Value(german, "category"), Value(german, "event"), Value(german, "urgency"), Value(german, "severity"), Value(german, "certainty")));
        Assert.Equal((CapTime(from), CapTime(from), CapTime(until)), (Value(german, "effective"), Value(german, "onset"), Value(german, "expires")));
        Assert.Equal("Wasserrohrbruch & Sperrung", Value(german, "headline"));
        Assert.Equal("Die Hauptstraße ist gesperrt.\n\nBitte meiden Sie den Bereich.", Value(german, "description"));
        Assert.Equal($"https://{org.Host}/aktuelles/{slug}", Value(german, "web"));
        Assert.Equal("Ordnungsamt, ordnung@example.org", Value(german, "contact"));
        Assert.Equal(org.Name, Value(german, "senderName"));
        var area = german.Element(Cap + "area")!;
        Assert.Equal("Altstadt", Value(area, "areaDesc"));
        Assert.Equal("51,10 51,10.01 51.01,10.01 51.01,10 51,10", Value(area, "polygon"));
        Assert.Equal(("Burst water main", capSeverity), (Value(infos[1], "headline"), Value(infos[1], "severity")));
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d(\.\d+|Z)", xml);
    }

    [Fact]
    public async Task AnEditedAlertIsAnUpdateThatReferencesTheFirstMessage()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var published = app.Now;
        var (id, slug) = await app.PublishedPostAsync(editor, PostType.Alert);
        app.AdvanceTime(TimeSpan.FromMinutes(10));
        await app.AsEditorAsync(editor, async (scope, actor) =>
        {
            var post = await scope.Db.Set<Post>().Include(p => p.Topics).Include(p => p.Districts).SingleAsync(p => p.Id == id);
            var form = post.ToForm();
            form.Summary = "Neue Lage";
            return await scope.Get<SavePost>().UpdateAsync(id, form, actor, CancellationToken.None);
        });

        var xml = await app.CreateClient(org).GetStringAsync($"/aktuelles/{slug}/cap.xml");
        var alert = XDocument.Parse(xml).Root!;

        Assert.Empty(XmlSchemas.Validate(xml, "CAP-v1.2.xsd"));
        Assert.Equal("Update", alert.Element(Cap + "msgType")?.Value);
        Assert.Equal(CapTime(app.Now), alert.Element(Cap + "sent")?.Value);
        Assert.NotEqual($"{org.Host}-{id}", alert.Element(Cap + "identifier")?.Value);
        Assert.Equal($"{org.Host},{org.Host}-{id},{CapTime(published)}", alert.Element(Cap + "references")?.Value);
        Assert.Single(alert.Elements(Cap + "info")); // no English version
        Assert.Equal(org.Name, alert.Element(Cap + "info")!.Element(Cap + "area")!.Element(Cap + "areaDesc")?.Value);
    }

    [Theory]
    [InlineData("/feeds/cap")]
    [InlineData("/aktuelles/{slug}/cap.xml")]
    public async Task ARepeatedRequestIsAnswered304(string path)
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, slug) = await app.PublishedPostAsync(editor, PostType.Alert);
        path = path.Replace("{slug}", slug);
        var client = app.CreateClient(org);
        var first = await client.GetAsync(path);
        app.AdvanceTime(TimeSpan.FromMinutes(1));

        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task OnlyPublishedAlertsHaveACapMessageAndThePagesLinkThem()
    {
        var org = await app.CreateOrganizationAsync();
        var editor = await app.CreateEditorAsync(org);
        var (_, alert) = await app.PublishedPostAsync(editor, PostType.Alert);
        var (_, draft) = await app.DraftPostAsync(editor, PostType.Alert);
        var (_, news) = await app.PublishedPostAsync(editor);
        var client = app.CreateClient(org);

        var home = await client.GetPageAsync("/");
        var detail = await client.GetPageAsync($"/aktuelles/{alert}");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/aktuelles/{draft}/cap.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/aktuelles/{news}/cap.xml")).StatusCode);
        Assert.NotNull(home.QuerySelector("head link[rel=alternate][type='application/atom+xml'][href='/feeds/cap']"));
        Assert.NotNull(detail.QuerySelector($"head link[rel=alternate][type='application/cap+xml'][href='/aktuelles/{alert}/cap.xml']"));
        Assert.NotNull(detail.QuerySelector($"main a[href='/aktuelles/{alert}/cap.xml']"));
    }

    [Theory]
    [InlineData("2026-11-26T09:00:00Z")]
    [InlineData("2026-11-26T10:00:00.5+01:00")]
    [InlineData("2026-11-26T10:00+01:00")]
    public void TheSchemaRefusesTimesCapForbidsSoTheValidationAboveCanFail(string sent)
    {
        var xml = $"""
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>y</sender><sent>{sent}</sent>
            <status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>
            """;

        Assert.NotEmpty(XmlSchemas.Validate(xml, "CAP-v1.2.xsd"));
        Assert.Empty(XmlSchemas.Validate(xml.Replace(sent, "2026-11-26T10:00:00+01:00"), "CAP-v1.2.xsd"));
    }

    private static string CapTime(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), TownTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteCapTests(SqliteApp app) : CapTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCapTests(PostgresApp app) : CapTests(app), IClassFixture<PostgresApp>;
