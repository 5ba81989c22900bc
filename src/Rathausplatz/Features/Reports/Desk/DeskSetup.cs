using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Reports.Desk;

/// <summary>The back office of citizen reports: queue, report page, follow-up question, figures.</summary>
public static class DeskSetup
{
    public static WebApplicationBuilder AddReportDesk(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReportDeskOptions>(builder.Configuration.GetSection(ReportDeskOptions.Section));
        builder.Services.AddScoped<ReportDesk>();
        builder.Services.AddScoped<ReportDeskMails>();
        builder.Services.AddScoped<WorkOnReport>();
        builder.Services.AddScoped<FollowUpTokens>();
        builder.Services.AddScoped<AnswerFollowUp>();
        builder.Services.AddScoped<ReportFigures>();
        builder.Services.AddJobHandler<AskIfFixed>(AskIfFixed.JobKind);
        return builder;
    }

    public static WebApplication MapReportDesk(this WebApplication app)
    {
        app.MapGet("/api/v1/reports/figures", FiguresAsync)
            .RequireAuthorization(Policies.Staff)
            .WithName("GetReportFigures")
            .WithSummary("Median time to first response and to done (seconds), overall, per category and per district; von, bis (yyyy-MM-dd, both included) limit it to the reports received then.")
            .WithTags("Reports");
        app.MapGet("/meldungen/bearbeitung/fotos/{variantId:guid}", PhotoAsync).RequireAuthorization(Policies.Staff);
        return app;
    }

    private static async Task<Results<Ok<ReportFigures.Figures>, ProblemHttpResult>> FiguresAsync(string? von, string? bis, ReportFigures figures,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (ReportFigures.ParsePeriod(von, bis, out var from, out var to) is { } problem)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: text[problem]);
        return TypedResults.Ok(await figures.ComputeAsync(from, to, ct));
    }

    /// <summary>A photo variant for the desk, released or not; only for reports the staff member sees.</summary>
    private static async Task<IResult> PhotoAsync(Guid variantId, HttpContext http, AppDb db, ReportDesk desk, CancellationToken ct)
    {
        var actor = await desk.UserAsync(http.User, ct);
        var visible = desk.Visible(actor).Select(r => r.Id);
        var variant = await db.Set<ReportPhotoVariant>().AsNoTracking()
            .Where(v => v.Id == variantId && db.Set<ReportPhoto>().Any(p => p.Id == v.PhotoId && visible.Contains(p.ReportId)))
            .Select(v => new { v.Bytes, v.ContentType }).SingleOrDefaultAsync(ct);
        if (variant is null)
            return TypedResults.NotFound();
        // Unreleased photos may show faces: never in a shared cache.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(variant.Bytes, variant.ContentType);
    }
}

/// <summary>The desk's refusals in the user's language.</summary>
public static class DeskMessages
{
    public static string Of(DeskProblem problem, IStringLocalizer<SharedResource> text) => problem switch
    {
        DeskProblem.NotFound => text["Meldung nicht gefunden."],
        DeskProblem.ReasonRequired => text["Bitte geben Sie einen Grund für die Ablehnung an."],
        DeskProblem.RecipientRequired => text["Bitte geben Sie an, an welche Stelle die Meldung weitergeleitet wurde."],
        DeskProblem.TextRequired => text["Bitte schreiben Sie einen Text."],
        DeskProblem.TextTooLong => text["Der Text ist zu lang (höchstens 4000 Zeichen)."],
        DeskProblem.NotAMember => text["Diese Person gehört nicht zur zuständigen Abteilung."],
        DeskProblem.UnknownDepartment => text["Diese Abteilung gibt es nicht."],
        _ => text["schon so"],
    };

    /// <summary>
    /// No department to move to: none chosen, or a value that is no id, which reads as an unknown
    /// department (the binder's own message, in place of which this one stands, would say it less clearly).
    /// </summary>
    public static void NoDepartment(ModelStateDictionary state, string key, IStringLocalizer<SharedResource> text)
    {
        var unreadable = state.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
        state.Remove(key);
        state.AddModelError(key, unreadable ? text["Diese Abteilung gibt es nicht."] : text["Bitte wählen Sie eine Abteilung."]);
    }
}
