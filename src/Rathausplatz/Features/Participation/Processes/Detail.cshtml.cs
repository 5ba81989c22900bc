using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences.Districts;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation.ProcessPages;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Processes;

/// <summary>
/// One process: its goals, scope and phase timeline (the running phase marked), and its proposals, by
/// supports or newest, all or one district (query string, so links stay shareable and pages cacheable).
/// Drafts are shown to editors only, as a preview.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailModel(AppDb db, TimeProvider time, MarkdownRenderer markdown, ProcessPageList extras) : PageModel
{
    public const int PageSize = 20;
    public const string BySupports = "unterstuetzungen";
    public const string Newest = "neueste";

    public sealed record ProposalSummary(Guid Id, string Title, ProposalStatus Status, int SupportCount, DateTime CreatedAt,
        string? District, int Comments);

    [BindProperty(SupportsGet = true, Name = "sortierung")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "stadtteil")] public string? District { get; set; }
    [BindProperty(SupportsGet = true, Name = "seite")] public int PageNumber { get; set; } = 1;

    public ParticipationProcess Process { get; private set; } = null!;
    public ProcessSchedule Schedule { get; private set; } = null!;
    public DateTime Now { get; private set; }
    public string GoalsHtml { get; private set; } = "";
    public List<string> ScopeDistricts { get; private set; } = [];
    public List<string> ScopeTopics { get; private set; } = [];
    public List<(string Slug, string Name)> Districts { get; private set; } = [];
    public List<ProposalSummary> Proposals { get; private set; } = [];
    /// <summary>The proposals of the list's filter that have a place: the map's markers, and its list without script.</summary>
    public List<ProposalMap.Place> Places { get; private set; } = [];
    public DistrictFinder Map { get; private set; } = null!;
    public bool HasMore { get; private set; }
    public List<Surveys.Survey> Surveys { get; private set; } = [];
    public List<Debates.DebateList.Item> Debates { get; private set; } = [];
    public List<ProcessPageList.PageLink> Pages { get; private set; } = [];
    public List<ProcessPageList.Meeting> Meetings { get; private set; } = [];
    public bool ProposalsOpen => Process.ProposalsEnabled && Schedule.ProposalsOpenAt(Now);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases)
            .SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || (!process.Published && !User.RunsProcesses()))
            return NotFound();
        Process = process;
        Schedule = new ProcessSchedule(process.Phases);
        Now = time.GetUtcNow().UtcDateTime;
        GoalsHtml = markdown.ToSafeHtml(process.Goals);
        ScopeTopics = await db.Set<Topic>().AsNoTracking()
            .Where(t => db.Set<ProcessTopic>().Any(s => s.ProcessId == process.Id && s.TopicId == t.Id))
            .OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        // All districts for the filter, each marked whether it is in the process's scope: one query for both lists.
        var districts = await db.Set<District>().AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new { d.Slug, d.Name, InScope = db.Set<ProcessDistrict>().Any(s => s.ProcessId == process.Id && s.DistrictId == d.Id) })
            .ToListAsync(ct);
        Districts = districts.Select(d => (d.Slug, d.Name)).ToList();
        ScopeDistricts = districts.Where(d => d.InScope).Select(d => d.Name).ToList();
        Pages = await extras.PagesAsync(process.Id, withDrafts: User.RunsProcesses(), ct);
        Meetings = await extras.MeetingsAsync(process.Id, Localization.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture), ct);
        if (process.SurveysEnabled)
            Surveys = await db.Set<Surveys.Survey>().AsNoTracking().Where(s => s.ProcessId == process.Id && s.Published).OrderBy(s => s.OpensAt).ToListAsync(ct);
        if (process.DebatesEnabled)
            Debates = await Participation.Debates.DebateList.LoadAsync(db, process.Id, ct);
        if (!process.ProposalsEnabled)
            return Page();

        PageNumber = Math.Max(1, PageNumber);
        var proposals = db.Set<Proposal>().AsNoTracking().Where(p => p.ProcessId == process.Id && p.HiddenAt == null);
        if (!string.IsNullOrEmpty(District))
        {
            // The slug is looked up first, so the list compares an id and the (process, district, supports, …) index
            // serves it; an unknown slug matches nothing (Guid.Empty), not the proposals without a district.
            var districtId = await db.Set<District>().Where(d => d.Slug == District).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            proposals = proposals.Where(p => p.DistrictId == districtId);
        }
        proposals = Sort == Newest
            ? proposals.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            : proposals.OrderByDescending(p => p.SupportCount).ThenByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id);
        var page = await proposals.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(p => new ProposalSummary(p.Id, p.Title, p.Status, p.SupportCount, p.CreatedAt,
                db.Set<District>().Where(d => d.Id == p.DistrictId).Select(d => d.Name).FirstOrDefault(),
                db.Set<Comments.ProposalComment>().Count(c => c.ProposalId == p.Id && c.HiddenAt == null)))
            .ToListAsync(ct);
        HasMore = page.Count > PageSize;
        Proposals = page.Take(PageSize).ToList();
        if (process.Published)
        {
            Places = await ProposalMap.LoadAsync(db, process.Id, District, ct);
            Map = await DistrictFinder.LoadAsync(db, ct);
        }
        return Page();
    }

    /// <summary>The list's choices as a query string, for the pager.</summary>
    public string Query(int? page = null) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["sortierung"] = Sort == Newest ? Newest : null, ["stadtteil"] = District,
            ["seite"] = page?.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The map's GeoJSON address with the list's district filter (the order does not matter to a map).</summary>
    public string MapSource() => $"/beteiligung/{Process.Slug}/vorschlaege.geojson" +
        (string.IsNullOrEmpty(District) ? "" : QueryString.Create("stadtteil", District).ToUriComponent());
}
