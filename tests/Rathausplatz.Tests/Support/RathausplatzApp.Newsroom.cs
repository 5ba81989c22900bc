using Microsoft.AspNetCore.Identity;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Newsroom.Editing;
using Rathausplatz.Web;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>An editor who has set up two factors, so the staff rule lets them into the back office.</summary>
    public async Task<TestUser> CreateEditorAsync(TestOrganization organization)
    {
        var editor = await CreateUserAsync(organization, Roles.Editor);
        await using var scope = InOrganization(organization);
        var users = scope.Get<UserManager<User>>();
        var account = await users.FindByIdAsync(editor.Id.ToString());
        await users.SetTwoFactorEnabledAsync(account!, true);
        return editor;
    }

    public async Task SetFourEyesReviewAsync(TestOrganization organization, bool on)
    {
        await using var scope = InOrganization(organization);
        await scope.Get<ChangeNewsroomSettings>().SetFourEyesReviewAsync(on, CancellationToken.None);
    }

    /// <summary>A draft by <paramref name="author"/>, saved as the form would save it; returns its id and slug.</summary>
    public async Task<(Guid Id, string Slug)> DraftPostAsync(TestUser author, PostType type = PostType.News, Action<PostForm>? fill = null)
    {
        var slug = Unique.Name("beitrag");
        var form = new PostForm { Title = "Titel " + slug, Summary = "Kurz gesagt", Body = "Der **Text**.", Slug = slug };
        if (type == PostType.Event)
            form.EventStart = TownTime.ToLocal(Now.AddDays(7));
        if (type == PostType.JobPosting)
            form.ApplicationDeadline = TownTime.ToLocal(Now.AddDays(14));
        if (type == PostType.Alert)
            form.ValidUntil = TownTime.ToLocal(Now.AddDays(1));
        fill?.Invoke(form);
        await using var scope = InOrganization(author.Organization);
        var saved = await scope.Get<SavePost>().CreateAsync(type, form, ActorOf(author), CancellationToken.None);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        return (saved.PostId, slug);
    }

    /// <summary>A post written and published at once by <paramref name="author"/> (the organisation publishes directly).</summary>
    public async Task<(Guid Id, string Slug)> PublishedPostAsync(TestUser author, PostType type = PostType.News, Action<PostForm>? fill = null)
    {
        var post = await DraftPostAsync(author, type, fill);
        Assert.Equal(PublishOutcome.Published, await PublishAsync(author, post.Id));
        return post;
    }

    public async Task<PublishOutcome> PublishAsync(TestUser editor, Guid postId)
    {
        await using var scope = InOrganization(editor.Organization);
        return await scope.Get<PublishPost>().RunAsync(postId, ActorOf(editor), CancellationToken.None);
    }

    /// <summary>Runs one of the editorial use cases as <paramref name="editor"/>.</summary>
    public async Task<T> AsEditorAsync<T>(TestUser editor, Func<AppScope, Actor, Task<T>> step)
    {
        await using var scope = InOrganization(editor.Organization);
        return await step(scope, ActorOf(editor));
    }

    public static Actor ActorOf(TestUser user) => new(user.Id, user.DisplayName);
}
