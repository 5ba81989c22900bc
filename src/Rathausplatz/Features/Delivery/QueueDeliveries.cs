using System.Text.Json;
using Microsoft.Extensions.Options;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Jobs;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// The fan-out: when a post goes live, one delivery row per matching confirmed subscription and
/// channel. Set-based (INSERT … SELECT … ON CONFLICT DO NOTHING) in keyset pages of subscription
/// ids, so 100,000 rows take a few statements, a retry after a crash only adds what is missing, and
/// no page holds its locks long. Then it starts the send job.
/// </summary>
/// <remarks>
/// Matching: the post's type is among the subscription's types; a post with topics reaches
/// subscriptions with "all topics" or one of them, a post without topics reaches everyone of its
/// type (it is about the whole town); districts likewise. Immediate subscribers get every post at
/// once; daily and weekly subscribers get alerts at once and the rest on the digest channel, due at
/// their next digest moment (Digests/SendDigests).
/// </remarks>
public sealed class QueueDeliveries(AppDb db, TenantContext tenant, TimeProvider time, JobQueue jobs, IOptions<DeliveryOptions> options,
    IEnumerable<IFanOutChannel> otherChannels, IServiceScopeFactory scopes) : IJobHandler
{
    public const string JobKind = "delivery-fan-out";

    public sealed record Payload(Guid PostId);

    /// <summary>A fan-out that adds this many rows refreshes the table's statistics (PostgreSQL).</summary>
    private const int AnalyzeAfter = 10_000;

    /// <summary>
    /// Adds the fan-out job to the caller's unit of work, so it is stored with the publication or not
    /// at all. One per publication (the key holds its time); republishing fans out again, but the
    /// delivery key means only subscribers who have not had the post yet get it. Called where a post
    /// goes live (<c>PublishPost.GoLiveAsync</c> for publish and approve, <c>PublishDuePosts</c>); the
    /// job gets the scope's organisation, which is the post's (the query filter only finds its posts).
    /// </summary>
    public static void Schedule(JobQueue jobs, Post post, DateTime at)
    {
        if (post.Type == PostType.Page)
            return;
        jobs.Add(JobKind, new Payload(post.Id), $"{JobKind}:{post.Id:N}:{at.Ticks}",
            post.Type == PostType.Alert ? JobPriority.Alert : JobPriority.Normal, at);
    }

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload) ?? throw new PermanentJobFailure("Empty payload.");
        var post = await db.Set<Post>().AsNoTracking().Include(p => p.Topics).Include(p => p.Districts)
            .SingleOrDefaultAsync(p => p.Id == payload.PostId, ct);
        // Pulled back before its turn came: nobody gets it.
        if (post is not { Status: PostStatus.Published } || post.Type == PostType.Page)
            return;
        var queued = await FanOutAsync(post, ct);
        foreach (var channel in otherChannels)
            await channel.FanOutAsync(post, ct);
        // Web push: its own subscriptions table, the same rule (Push/PushFanOut).
        var pushed = await new Push.PushFanOut(db, tenant, time, options).FanOutAsync(post, ct);
        // Statistics for the new rows before the send jobs plan their claims: without them, right after a
        // large fan-out, PostgreSQL planned the claim badly enough to hit the command timeout (bench/RESULTS.md;
        // the push rows count too: 20,000 of them alone sent 150 pushes in 32 s in bench phase (d)).
        if (queued + pushed >= AnalyzeAfter && db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("ANALYZE deliveries", ct);
        await FanOutDigestsAsync(post, ct);
        if (queued > 0 || await db.Set<Delivery>().AnyAsync(d => d.PostId == post.Id && d.Channel == DeliveryChannel.Email && d.State < DeliveryState.Sent, ct))
            await SendDeliveries.StartAsync(jobs, post.Id, DeliveryChannel.Email, post.Type == PostType.Alert, $"{job.Id:N}", ct);
        if (pushed > 0 || await db.Set<Delivery>().AnyAsync(d => d.PostId == post.Id && d.Channel == DeliveryChannel.Push && d.State < DeliveryState.Sent, ct))
            await SendDeliveries.StartAsync(jobs, post.Id, DeliveryChannel.Push, post.Type == PostType.Alert, $"{job.Id:N}", ct);
    }

    /// <summary>Inserts the missing rows of immediate mails; returns how many it added.</summary>
    public Task<int> FanOutAsync(Post post, CancellationToken ct) =>
        // Alerts go to every frequency at once; other posts to "immediately" subscribers here, to digests below.
        InsertAsync(post, DeliveryChannel.Email, post.Type == PostType.Alert ? null : DeliveryFrequency.Immediately,
            time.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// Rows for daily and weekly subscribers on the digest channel, due at the next digest moment of
    /// their frequency, and that moment's digest job for the organisation (one per organisation,
    /// frequency and moment: the idempotency key). Alerts never wait for a digest.
    /// </summary>
    public async Task FanOutDigestsAsync(Post post, CancellationToken ct)
    {
        if (post.Type == PostType.Alert)
            return;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var frequency in (DeliveryFrequency[])[DeliveryFrequency.Daily, DeliveryFrequency.Weekly])
        {
            var moment = Digests.DigestSchedule.NextUtc(frequency, now, options.Value);
            var added = await InsertAsync(post, DeliveryChannel.EmailDigest, frequency, moment, ct);
            // A retried fan-out adds nothing, but the job may be what the crash prevented: the key keeps it single.
            if (added > 0 || await db.Set<Delivery>().AnyAsync(d => d.PostId == post.Id && d.Channel == DeliveryChannel.EmailDigest
                    && d.State == DeliveryState.Queued && d.NextAttemptAt == moment, ct))
                await Digests.SendDigests.ScheduleAsync(jobs, tenant.OrganizationId!.Value, frequency, moment, ct);
        }
    }

    private async Task<int> InsertAsync(Post post, DeliveryChannel channel, DeliveryFrequency? frequency, DateTime due, CancellationToken ct)
    {
        var organization = tenant.OrganizationId ?? throw new InvalidOperationException("The fan-out works for one organisation.");
        // Pages are cut over the index (organization_id, state, id) alone, so finding a page's end reads
        // no table rows; the insert applies the full match within the page.
        var confirmed = $"s.organization_id = {Sql.Id(db, organization)} AND s.state = {(int)SubscriptionState.Confirmed}";
        var now = time.GetUtcNow().UtcDateTime;
        var batch = Math.Max(1, options.Value.FanOutBatch);
        var added = 0;
        Guid? after = null;
        // PostgreSQL inserts two pages at once, each on a connection of its own: inserting the rows is the server's
        // work, and one statement keeps one core busy. SQLite has one writer; it inserts page after page.
        var parallel = db.Database.IsNpgsql() ? 2 : 1;
        var inserting = new List<Task<int>>();
        try
        {
            while (true)
            {
                // The last id of this page: keyset paging, each statement touches at most one page.
                var upper = await Sql.PageEndAsync(db, "subscriptions", confirmed, after, batch, ct);
                // Only ids, numbers and constants are inlined (see Sql); the times are parameters.
                string From(string column) => after is { } first ? $" AND {column} > {Sql.Id(db, first)}" : "";
                string To(string column) => upper is { } last ? $" AND {column} <= {Sql.Id(db, last)}" : "";
                string Page(string column) => From(column) + To(column);
                var insert = $"""
                    INSERT INTO deliveries (post_id, subscription_id, channel, organization_id, state, attempts, next_attempt_at, created_at)
                    SELECT {Sql.Id(db, post.Id)}, s.id, {(int)channel}, s.organization_id, {(int)DeliveryState.Queued}, 0, {"{1}"}, {"{0}"}
                    FROM subscriptions s
                    WHERE {Match(post, organization, frequency, Page)}{Page("s.id")}
                    ON CONFLICT DO NOTHING
                    """;
                inserting.Add(parallel == 1 ? db.Database.ExecuteSqlRawAsync(insert, [now, due], ct) : InsertOnOwnConnectionAsync(insert, now, due, ct));
                if (inserting.Count >= parallel || upper is null)
                {
                    var done = await Task.WhenAny(inserting);
                    inserting.Remove(done);
                    added += await done;
                }
                if (upper is null)
                    return added + (await Task.WhenAll(inserting)).Sum();
                after = upper;
            }
        }
        finally
        {
            // A failed page fails the job (it is retried); the page still running must end before the scope does.
            await ((Task)Task.WhenAll(inserting)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <remarks>
    /// A page's commit does not wait for the disk (synchronous_commit off): the write-ahead log is one sequence, and
    /// the fan-out's own durable commits that follow (the send job queued, the job done) are flushed only with every
    /// page before them. Until then nothing sends from these rows, and a crash of the server leaves the job undone, so
    /// it runs again and adds the missing rows. Waiting for the disk once per page cost ~0.5 s of a 100,000-row fan-out.
    /// </remarks>
    private async Task<int> InsertOnOwnConnectionAsync(string insert, DateTime now, DateTime due, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pageDb = scope.ServiceProvider.GetRequiredService<AppDb>().Database;
        await using var transaction = await pageDb.BeginTransactionAsync(ct);
        await pageDb.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
        var added = await pageDb.ExecuteSqlRawAsync(insert, [now, due], ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    // page: the page's id range for a column, so the topic and district lists are read for the page only (an index range each).
    private string Match(Post post, Guid organization, DeliveryFrequency? frequency, Func<string, string> page)
    {
        var where = new List<string>
        {
            $"s.organization_id = {Sql.Id(db, organization)}",
            $"s.state = {(int)SubscriptionState.Confirmed}",
            $"(s.types & {SubscribableTypes.Bit(post.Type)}) <> 0",
        };
        if (frequency is { } only)
            where.Add($"s.frequency = {(int)only}");
        if (post.Topics.Count > 0)
            where.Add($"(s.all_topics OR s.id IN (SELECT t.subscription_id FROM subscription_topics t WHERE t.topic_id IN ({Sql.Ids(db, post.Topics.Select(t => t.Id))}){page("t.subscription_id")}))");
        if (post.Districts.Count > 0)
            where.Add($"(s.all_districts OR s.id IN (SELECT d.subscription_id FROM subscription_districts d WHERE d.district_id IN ({Sql.Ids(db, post.Districts.Select(d => d.Id))}){page("d.subscription_id")}))");
        return string.Join(" AND ", where);
    }
}
