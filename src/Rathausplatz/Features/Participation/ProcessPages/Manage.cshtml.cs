using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Processes;

namespace Rathausplatz.Features.Participation.ProcessPages;

/// <summary>The back office's overview of a process's pages and meetings: links to edit pages, events to link and unlink.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class ManageModel(ManageProcessPages manage, ProcessPageList list, IStringLocalizer<SharedResource> text) : PageModel
{
    public ParticipationProcess Process { get; private set; } = null!;
    public List<ProcessPageList.PageLink> Pages { get; private set; } = [];
    public List<ProcessPageList.Meeting> Meetings { get; private set; } = [];
    public List<(Guid Id, string Title, DateTime? Start)> Linkable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLinkAsync(string slug, Guid? postId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        if (postId is not { } id || !await manage.LinkMeetingAsync(Process.Id, id, ct))
        {
            ModelState.AddModelError("postId", text["Bitte wählen Sie eine Veranstaltung aus der Liste."]);
            return this.PageWithErrors();
        }
        this.Flash(text["Der Termin ist mit dem Verfahren verknüpft."]);
        return Redirect(Request.Path);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(string slug, Guid postId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        await manage.UnlinkMeetingAsync(Process.Id, postId, ct);
        this.Flash(text["Der Termin gehört nicht mehr zum Verfahren."]);
        return Redirect(Request.Path);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        if (await manage.FindProcessAsync(slug, ct) is not { } process)
            return false;
        Process = process;
        Pages = await list.PagesAsync(process.Id, withDrafts: true, ct);
        Meetings = await list.MeetingsAsync(process.Id, Localization.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture), ct);
        Linkable = await manage.LinkableEventsAsync(process.Id, ct);
        return true;
    }
}
