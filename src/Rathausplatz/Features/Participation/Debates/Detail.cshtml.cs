using Microsoft.AspNetCore.OutputCaching;
using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation.Debates;

/// <summary>
/// One debate: the question, its introduction, how many comments take which stance, and the threaded comments of
/// the proposals (stances, votes, official answers, netiquette, flags). Visitors get the cached page without forms;
/// a closed debate shows no forms to anyone but flags.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ParticipationSetup.SubmitRateLimit)]
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailModel(AppDb db, TimeProvider time, MarkdownRenderer markdown, Netiquette netiquette, PostComment comments, EditComment edits,
    VoteOnComment votes, FlagContent flags, IStringLocalizer<SharedResource> text) : CommentThreadPage(comments, edits, votes, flags, text)
{
    public ParticipationProcess Process { get; private set; } = null!;
    public Debate Debate { get; private set; } = null!;
    public string IntroductionHtml { get; private set; } = "";
    /// <summary>Visible comments per stance; the town's official answers take no side and are not counted.</summary>
    public IReadOnlyList<(Stance Stance, int Count)> StanceCounts { get; private set; } = [];
    public bool Open { get; private set; }

    public override bool CommentsOpen => Open;
    public override bool VotesOpen => SignedIn && Open;
    public override bool FlagsOpen => SignedIn;
    public override string StanceLegend => Texts.Key("Ihre Haltung zur Frage");
    public override string Path => $"/beteiligung/{Process.Slug}/debatten/{Debate.Id}";
    protected override CommentSubject SubjectOf(Guid id) => CommentSubject.Debate(id);
    protected override bool SubjectFlaggable => false;
    protected override string ClosedForComments => Text["Die Debatte ist geschlossen; Kommentare sind nicht mehr möglich."];
    protected override string ClosedForVotes => Text["Die Debatte ist geschlossen; Bewertungen sind nicht mehr möglich."];

    public async Task<IActionResult> OnGetAsync(string slug, Guid id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    protected override async Task<bool> LoadAsync(string slug, Guid id, CancellationToken ct)
    {
        var process = await db.Set<ParticipationProcess>().AsNoTracking().Include(p => p.Phases).SingleOrDefaultAsync(p => p.Slug == slug, ct);
        if (process is null || !process.DebatesEnabled || (!process.Published && !User.RunsProcesses()))
            return false;
        var debate = await db.Set<Debate>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ProcessId == process.Id, ct);
        if (debate is null)
            return false;
        (Process, Debate) = (process, debate);
        Open = process.Published && debate.OpenAt(time.GetUtcNow().UtcDateTime, new ProcessSchedule(process.Phases));
        IntroductionHtml = markdown.ToSafeHtml(debate.Introduction);
        var userId = User.ParticipantId();
        Comments = await CommentThread.LoadAsync(db, CommentSubject.Debate(id), userId, ct);
        StanceCounts = new[] { Stance.For, Stance.Against, Stance.Neutral }
            .Select(s => (s, Comments.Count(c => !c.Hidden && !c.Official && c.Stance == s))).ToList();
        if (userId is { } me)
            NetiquetteAccepted = await netiquette.AcceptedAsync(me, ct);
        return true;
    }
}
