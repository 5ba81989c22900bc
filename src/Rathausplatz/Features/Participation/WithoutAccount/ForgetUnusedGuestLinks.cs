using System.Text.Json;
using Rathausplatz.Data;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Participation.WithoutAccount;

/// <summary>
/// Data protection: a guest's row whose link expired unused is deleted with its address. Each request for a link
/// schedules this job for the day after that link expires; a row asked for again meanwhile has a later day and
/// waits for the later job, and a row that counts (a confirmed support, an answered survey) is kept, since it holds
/// the one-per-address rule. Idempotent: it looks at the row, not at which job woke it.
/// </summary>
public sealed class ForgetUnusedGuestLinks(AppDb db, TimeProvider time) : IJobHandler
{
    public const string JobKind = "forget-unused-guest-link";

    /// <summary>The link's week and a day's margin, so a link is never forgotten while it still works.</summary>
    public static readonly TimeSpan Delay = GuestLinks.Lifetime + TimeSpan.FromDays(1);

    public sealed record Payload(Guid GuestId);

    public static void Schedule(JobQueue jobs, GuestParticipant guest, DateTime now) =>
        jobs.Add(JobKind, new Payload(guest.Id), runAt: now + Delay);

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty guest link payload.");
        var today = DateOnly.FromDateTime(TownTime.ToLocal(time.GetUtcNow().UtcDateTime)!.Value);
        var expiredBefore = today.AddDays(-Delay.Days);
        await db.Set<GuestParticipant>()
            .Where(g => g.Id == payload.GuestId && g.ConfirmedAt == null && !g.Answered && g.RequestedOn <= expiredBefore)
            .ExecuteDeleteAsync(ct);
    }
}
