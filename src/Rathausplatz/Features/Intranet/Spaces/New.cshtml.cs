using System.ComponentModel.DataAnnotations;

namespace Rathausplatz.Features.Intranet.Spaces;

/// <summary>"Raum anlegen": staff only (guests cannot open spaces); the creator becomes the first owner.</summary>
[Authorize(Policy = IntranetSetup.Policy)]
[EnableRateLimiting(IntranetSetup.SubmitRateLimit)]
public sealed class NewModel(CreateSpace create, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Display(Name = "Titel")] public string? Title { get; set; }
    [BindProperty, Display(Name = "Beschreibung")] public string? Description { get; set; }
    [BindProperty] public SpaceKind Kind { get; set; }
    [BindProperty] public JoinPolicy Policy { get; set; }

    public IActionResult OnGet() => SpaceAccess.Caller.Of(User)!.Staff ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var caller = SpaceAccess.Caller.Of(User)!;
        if (!caller.Staff)
            return Forbid();
        // An unknown value for an enum fails binding; the use case then says which choice is wrong.
        var kind = ModelState.TryGetValue(nameof(Kind), out var k) && k.Errors.Count > 0 ? (SpaceKind)(-1) : Kind;
        var policy = ModelState.TryGetValue(nameof(Policy), out var p) && p.Errors.Count > 0 ? (JoinPolicy)(-1) : Policy;
        ModelState.Clear();
        var result = await create.RunAsync(new CreateSpaceInput(caller.UserId, Title, Description, kind, policy), ct);
        if (result.Space is { } space)
        {
            this.Flash(text["Der Raum ist angelegt. Sie sind verantwortlich."]);
            return Redirect($"/intranet/raeume/{space.Id}");
        }
        foreach (var problem in result.Problems)
            ModelState.AddModelError(problem switch
            {
                SpaceProblem.TitleMissing or SpaceProblem.TitleTooLong => nameof(Title),
                SpaceProblem.DescriptionTooLong => nameof(Description),
                SpaceProblem.UnknownKind => nameof(Kind),
                _ => nameof(Policy),
            }, IntranetTexts.Message(problem, text));
        return this.PageWithErrors();
    }
}
