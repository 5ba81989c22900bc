using Rathausplatz.Data;
using Rathausplatz.Features.Participation.Processes;
using Rathausplatz.Features.Participation.Proposals;

namespace Rathausplatz.Features.Participation.WithoutAccount;

public enum StopNoticesOutcome { Stopped, AlreadyStopped, Invalid }

/// <summary>The proposal whose notices an unsubscribe link stops, and whether they are stopped already.</summary>
public sealed record GuestNoticeSubject(string Title, string Path, bool Stopped);

/// <summary>
/// A guest's unsubscribe link (<see cref="GuestLinks.UnsubscribeTokenFor"/>, in every notice mail to a guest) stops the
/// notices to that address about that proposal: <see cref="GuestParticipant.NoticesStoppedAt"/> is set, and
/// <c>NotifyParticipants</c> leaves the row out from then on. The row and its support stay (one support per address).
/// The UPDATE matches only a row not yet stopped, so a link used twice, or two requests at once, stop once.
/// </summary>
public sealed class StopGuestNotices(AppDb db, GuestLinks links, TimeProvider time)
{
    /// <summary>What the link is about, or null when it is forged, damaged, expired, of another town or its row is gone.</summary>
    public async Task<GuestNoticeSubject?> FindAsync(string? token, CancellationToken ct)
    {
        if (await links.FindForUnsubscribeAsync(db, token, ct) is not { Action: GuestAction.Support } guest)
            return null;
        var proposal = await db.Set<Proposal>().AsNoTracking().Where(p => p.Id == guest.SubjectId)
            .Join(db.Set<ParticipationProcess>(), p => p.ProcessId, p => p.Id, (p, process) => new { p.Id, p.Title, process.Slug })
            .SingleOrDefaultAsync(ct);
        return proposal is null ? null
            : new(proposal.Title, $"/beteiligung/{proposal.Slug}/vorschlaege/{proposal.Id}", guest.NoticesStoppedAt is not null);
    }

    public async Task<StopNoticesOutcome> StopAsync(string? token, CancellationToken ct)
    {
        if (await links.FindForUnsubscribeAsync(db, token, ct) is not { Action: GuestAction.Support } guest)
            return StopNoticesOutcome.Invalid;
        var now = time.GetUtcNow().UtcDateTime;
        var stopped = await db.Set<GuestParticipant>()
            .Where(g => g.Id == guest.Id && g.NoticesStoppedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.NoticesStoppedAt, now), ct);
        return stopped == 1 ? StopNoticesOutcome.Stopped : StopNoticesOutcome.AlreadyStopped;
    }
}

/// <summary>The one-click address of a guest's notice mails.</summary>
public static class GuestUnsubscribeApi
{
    /// <summary>
    /// One-click unsubscribe (RFC 8058): mail programs POST "List-Unsubscribe=One-Click" to the address in the header,
    /// without cookies and without having loaded a page of ours, so no antiforgery token can exist. The sealed token in
    /// the path is the authorisation: only that guest's mails carry it, it cannot be forged, and all it can do is stop
    /// the notices of one row. A GET changes nothing and leads to the page that asks first.
    /// </summary>
    public static IEndpointRouteBuilder MapGuestUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost("/beteiligung/ohne-konto/abbestellen/{token}/ein-klick", async (string token, StopGuestNotices stop,
                IStringLocalizer<SharedResource> text, CancellationToken ct) => await stop.StopAsync(token, ct) switch
            {
                StopNoticesOutcome.Stopped => Results.Text(text["Sie erhalten keine Nachrichten mehr zu diesem Vorschlag."], "text/plain; charset=utf-8"),
                StopNoticesOutcome.AlreadyStopped => Results.Text(text["Die Nachrichten zu diesem Vorschlag sind schon abbestellt."], "text/plain; charset=utf-8",
                    statusCode: StatusCodes.Status410Gone),
                _ => Results.Text(text["Dieser Abbestell-Link ist ungültig."], "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound),
            })
            .AllowAnonymous()
            // No rate limit: mail providers post these from a few addresses for many people (like the delivery's).
            .DisableAntiforgery();
        app.MapGet("/beteiligung/ohne-konto/abbestellen/{token}/ein-klick",
                (string token) => Results.Redirect(GuestLinks.UnsubscribePathOf(Uri.EscapeDataString(token))))
            .AllowAnonymous();
        return app;
    }
}
