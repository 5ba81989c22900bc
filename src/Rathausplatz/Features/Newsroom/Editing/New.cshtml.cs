using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>A new post of one type (/newsroom/new/veranstaltung); it starts as a draft.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class NewModel(AppDb database, SavePost savePost, IStringLocalizer<SharedResource> localizer) : PostFormPage(database, localizer)
{
    public async Task<IActionResult> OnGetAsync(string type, CancellationToken ct)
    {
        if (PostTypeNames.FromSlug(type) is not { } postType)
            return NotFound();
        PostType = postType;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string type, CancellationToken ct)
    {
        if (PostTypeNames.FromSlug(type) is not { } postType)
            return NotFound();
        PostType = postType;
        if (!Check())
            return await RefusedAsync(ct);
        var saved = await savePost.CreateAsync(postType, Input, Actor.Of(User), ct);
        if (saved.Outcome == SaveOutcome.SlugTaken)
        {
            ReportSlugTaken();
            return await RefusedAsync(ct);
        }
        this.Flash(Text["Der Entwurf ist gespeichert."]);
        return Redirect($"/newsroom/{saved.PostId}");
    }
}
