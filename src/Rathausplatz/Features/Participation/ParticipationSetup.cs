using System.Security.Claims;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Participation.Accountability;
using Rathausplatz.Features.Participation.Budgets;
using Rathausplatz.Features.Participation.Comments;
using Rathausplatz.Features.Participation.Debates;
using Rathausplatz.Features.Participation.Moderation;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.ProcessPages;
using Rathausplatz.Features.Participation.Proposals;
using Rathausplatz.Features.Participation.Surveys;
using Rathausplatz.Features.Participation.Verification;
using Rathausplatz.Features.Participation.WithoutAccount;
using Rathausplatz.Jobs;
using Rathausplatz.Web.OutputCaching;

namespace Rathausplatz.Features.Participation;

/// <summary>Processes with phases, proposals, supports, comments and their moderation (docs: issue 6, first slice).</summary>
public static class ParticipationSetup
{
    /// <summary>Proposals, supports, comments, votes and flags: a person makes a few a minute; a script in a loop is stopped.</summary>
    public const string SubmitRateLimit = "participation-submissions";

    public static WebApplicationBuilder AddParticipation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SaveProcess>();
        builder.Services.AddScoped<SubmitProposal>();
        builder.Services.AddScoped<EditProposal>();
        builder.Services.AddScoped<EditComment>();
        builder.Services.AddScoped<SupportProposal>();
        builder.Services.AddScoped<EvaluateProposal>();
        builder.Services.AddScoped<PostComment>();
        builder.Services.AddScoped<VoteOnComment>();
        builder.Services.AddScoped<FlagContent>();
        builder.Services.AddScoped<ModerateContent>();
        builder.Services.AddScoped<Netiquette>();
        builder.Services.AddScoped<SaveSurvey>();
        builder.Services.AddScoped<EditQuestions>();
        builder.Services.AddScoped<AnswerSurvey>();
        builder.Services.AddScoped<CountResults>();
        builder.Services.AddScoped<ExportAnswers>();
        builder.Services.AddScoped<SaveProject>();
        builder.Services.AddScoped<CastBallot>();
        builder.Services.AddScoped<BudgetTally>();
        builder.Services.AddScoped<ReportProgress>();
        builder.Services.AddScoped<ProgressHistory>();
        builder.Services.AddScoped<NoticeTexts>();
        builder.Services.AddScoped<WhatCameOfMyInput>();
        builder.Services.AddScoped<NotifyParticipants>();
        builder.Services.AddJobHandler<NotifyParticipants>(NotifyParticipants.JobKind);
        builder.Services.AddScoped<VerifyResidency>();
        builder.Services.AddScoped<GuestLinks>();
        builder.Services.AddScoped<StopGuestNotices>();
        builder.Services.AddScoped<GuestSubjects>();
        builder.Services.AddScoped<RequestGuestLink>();
        builder.Services.AddJobHandler<ForgetUnusedGuestLinks>(ForgetUnusedGuestLinks.JobKind);
        builder.Services.AddScoped<ManageProcessPages>();
        builder.Services.AddScoped<ProcessPageList>();
        builder.Services.AddScoped<ManageDebates>();

        // What /beteiligung and its process and proposal pages show. Supports change the count in SQL; the
        // support row saved beside it brings the eviction. Flags and acceptances show on no public page.
        builder.Services.AddPublicContent(o => o
            .EvictOnChangeOf<ParticipationProcess>(p => p.OrganizationId)
            .EvictOnChangeOf<ProcessPhase>(p => p.OrganizationId)
            .EvictOnChangeOf<ProcessDistrict>(d => d.OrganizationId)
            .EvictOnChangeOf<ProcessTopic>(t => t.OrganizationId)
            .EvictOnChangeOf<Proposal>(p => p.OrganizationId)
            .EvictOnChangeOf<ProposalSupport>(s => s.OrganizationId)
            .EvictOnChangeOf<ProposalImage>(i => i.OrganizationId)
            // A guest's confirmed support changes a proposal's count; a link merely asked for changes no page.
            .EvictOnChangeOf<GuestParticipant>(g => g.OrganizationId, when: g => g.ConfirmedAt is not null)
            .EvictOnChangeOf<ProposalComment>(c => c.OrganizationId)
            .EvictOnChangeOf<CommentVote>(v => v.OrganizationId)
            // The process page lists the published surveys; survey pages themselves are not cached (they carry the form).
            .EvictOnChangeOf<Survey>(s => s.OrganizationId)
            // Information and results pages, and the events linked as meetings.
            .EvictOnChangeOf<ProcessPage>(p => p.OrganizationId)
            .EvictOnChangeOf<ProcessMeeting>(m => m.OrganizationId)
            // Budget projects and their progress. Ballots show on no public page until the vote has closed, and
            // that moment is a phase boundary, which ends the cached pages' lifetime anyway.
            .EvictOnChangeOf<BudgetProject>(p => p.OrganizationId)
            .EvictOnChangeOf<ProgressUpdate>(u => u.OrganizationId)
            // Debates and their comments (the comments are ProposalComment rows, evicted above).
            .EvictOnChangeOf<Debate>(d => d.OrganizationId)
            // A phase starting or ending changes the lists, the marked phase and whether the forms are offered.
            .LimitLifetimeBy(NextPhaseBoundaryAsync)
            // So does a debate's last day ending.
            .LimitLifetimeBy(NextDebateCloseAsync));

        builder.AddPostsPerClientLimit(SubmitRateLimit, "ParticipationPerMinute", 30);
        return builder;
    }

    public static WebApplication MapParticipation(this WebApplication app)
    {
        app.MapProposalImages();
        app.MapProposalMap();
        app.MapGuestUnsubscribe();
        return app;
    }

    private static async Task<DateTime?> NextPhaseBoundaryAsync(HttpContext context, CancellationToken ct)
    {
        var db = context.RequestServices.GetRequiredService<AppDb>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var nextStart = await db.Set<ProcessPhase>().Where(p => p.StartsAt > now).MinAsync(p => (DateTime?)p.StartsAt, ct);
        var nextEnd = await db.Set<ProcessPhase>().Where(p => p.EndsAt > now).MinAsync(p => (DateTime?)p.EndsAt, ct);
        return nextStart is null ? nextEnd : nextEnd is null ? nextStart : nextStart < nextEnd ? nextStart : nextEnd;
    }

    private static async Task<DateTime?> NextDebateCloseAsync(HttpContext context, CancellationToken ct)
    {
        var db = context.RequestServices.GetRequiredService<AppDb>();
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await db.Set<Debate>().Where(d => d.ClosesAt > now).MinAsync(d => d.ClosesAt, ct);
    }

    /// <summary>The signed-in account's id, or null for a visitor.</summary>
    public static Guid? ParticipantId(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Staff speak for the town: they may mark a comment as the official answer.</summary>
    public static bool SpeaksForTheTown(this ClaimsPrincipal user) => user.MustUseTwoFactor();

    /// <summary>Editors run processes and decide on proposals.</summary>
    public static bool RunsProcesses(this ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.OrganizationAdmin);

    /// <summary>Moderators (and editors) settle flags.</summary>
    public static bool Moderates(this ClaimsPrincipal user) => user.IsInRole(Roles.Moderator) || user.RunsProcesses();
}
