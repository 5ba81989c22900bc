using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;

namespace Rathausplatz.Features.Newsroom.Editing;

/// <summary>Changes to a post of any state; each save keeps a revision. The type stays what it was made as.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class EditModel(AppDb database, SavePost savePost, IStringLocalizer<SharedResource> localizer) : PostFormPage(database, localizer)
{
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var post = await Db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return NotFound();
        (Id, PostType, Input) = (id, post.Type, post.ToForm());
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var type = await Db.Set<Post>().Where(p => p.Id == id).Select(p => (PostType?)p.Type).SingleOrDefaultAsync(ct);
        if (type is null)
            return NotFound();
        (Id, PostType) = (id, type.Value);
        if (!Check())
            return await RefusedAsync(ct);
        var saved = await savePost.UpdateAsync(id, Input, Actor.Of(User), ct);
        switch (saved.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.SlugTaken:
                ReportSlugTaken();
                return await RefusedAsync(ct);
            case SaveOutcome.LiveUnderReview:
                ModelState.AddModelError("", Text["Hier prüft eine zweite Person jede Änderung. Bitte ziehen Sie den Beitrag zuerst zurück und geben ihn nach dem Bearbeiten zur Prüfung."]);
                return await RefusedAsync(ct);
        }
        this.Flash(Text["Die Änderungen sind gespeichert."]);
        return Redirect($"/newsroom/{id}");
    }
}
