using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Intranet.Documents;
using Rathausplatz.Features.Intranet.People;
using Rathausplatz.Features.Intranet.Search;
using Rathausplatz.Features.Intranet.Spaces;
using Rathausplatz.Features.Intranet.Stream;
using Rathausplatz.Features.Intranet.Tasks;
using Rathausplatz.Jobs;
using Rathausplatz.Features.Intranet.Wiki;

namespace Rathausplatz.Features.Intranet;

/// <summary>The internal area under /intranet: spaces, their members and streams (docs/intranet.md; issue 7, first slice).</summary>
public static class IntranetSetup
{
    /// <summary>Staff roles and guests get in; what they see inside is up to <see cref="SpaceAccess"/>.</summary>
    public const string Policy = "intranet";

    /// <summary>Posts, comments, reactions and membership forms: generous for people, a stop for a script in a loop.</summary>
    public const string SubmitRateLimit = "intranet-submissions";

    public static WebApplicationBuilder AddIntranet(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.RequireRole([.. SpaceAccess.StaffRoles, Roles.Guest]));
        builder.Services.AddScoped<SpaceAccess>();
        builder.Services.AddScoped<CreateSpace>();
        builder.Services.AddScoped<JoinSpace>();
        builder.Services.AddScoped<ManageMembers>();
        builder.Services.AddScoped<InviteGuest>();
        builder.Services.AddScoped<StreamText>();
        builder.Services.AddScoped<StreamQuery>();
        builder.Services.AddScoped<WritePost>();
        builder.Services.AddScoped<ReactToPost>();
        builder.Services.AddScoped<ChangePost>();
        builder.Services.AddScoped<MustRead>();
        builder.Services.AddScoped<StreamNotices>();
        builder.Services.AddScoped<EditProfile>();
        builder.Services.AddScoped<EndorseSkill>();
        builder.Services.AddScoped<PeopleQuery>();
        builder.Services.AddScoped<AskExperts>();
        builder.Services.AddScoped<ChangeAnswer>();
        builder.Services.AddScoped<BestAnswerDraft>();
        builder.Services.AddScoped<NotifyExperts>();
        builder.Services.AddJobHandler<NotifyExperts>(NotifyExperts.JobKind);
        builder.Services.AddScoped<TaskQuery>();
        builder.Services.AddScoped<SaveTask>();
        builder.Services.AddScoped<TaskNotices>();
        builder.Services.AddScoped<DeleteTask>();
        builder.Services.Configure<DocumentOptions>(builder.Configuration.GetSection(DocumentOptions.Section));
        builder.Services.AddScoped<DocumentQuery>();
        builder.Services.AddScoped<UploadDocument>();
        builder.Services.AddScoped<DeleteDocument>();
        builder.Services.AddScoped<CommentOnDocument>();
        builder.Services.AddScoped<ChangeDocumentComment>();
        builder.Services.AddWiki();
        builder.Services.AddIntranetSearch();
        builder.AddPostsPerClientLimit(SubmitRateLimit, "IntranetPerMinute", 60);
        return builder;
    }

    /// <summary>The intranet is Razor Pages only so far; this is where its API will be mapped.</summary>
    public static WebApplication MapIntranet(this WebApplication app) => app;
}
