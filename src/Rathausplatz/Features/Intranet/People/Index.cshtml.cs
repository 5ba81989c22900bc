using Rathausplatz.Features.Intranet.Spaces;

namespace Rathausplatz.Features.Intranet.People;

/// <summary>The expert finder: colleagues by skill (a part of a word is enough) and free text, most confirmed first. Staff only.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
public sealed class IndexModel(PeopleQuery people) : PageModel
{
    [FromQuery(Name = "faehigkeit")] public string? Skill { get; set; }
    [FromQuery(Name = "q")] public string? Text { get; set; }

    public List<PeopleQuery.Hit> Hits { get; private set; } = [];
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Guests are no colleagues: the people pages are for staff, as opening a space is.
        if (!SpaceAccess.Caller.Of(User)!.Staff)
            return Forbid();
        var skill = PeopleQuery.Term(Skill);
        var text = PeopleQuery.Term(Text);
        Searched = skill.Length > 0 || text.Length > 0;
        Hits = await people.FindAsync(skill, text, ct);
        return Page();
    }
}
