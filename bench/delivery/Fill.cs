using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rathausplatz.Data;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery.Push;

namespace Rathausplatz.Bench.Delivery;

/// <summary>
/// Fills the subscriptions with set-based SQL (generate_series on PostgreSQL, a recursive CTE on
/// SQLite): all confirmed, all types, immediate. Subscriber n chooses topic n % 4 (25 % each) and,
/// by (n / 4) % 5, all districts (20 %) or one of the four (20 % each). So the alert (topic 0,
/// district 1) reaches 25 % × 40 % = exactly 10 % of them: 100,000 of 1,000,000.
/// </summary>
internal static class Fill
{
    // Only numbers, ids and constants are inlined; nothing comes from outside.
    private static Task<int> ExecuteAsync(AppDb db, string sql) => db.Database.ExecuteSqlRawAsync(sql);

    /// <summary>The numbers 0 … count − 1 as a subquery with the column n.</summary>
    private static string Numbers(bool postgres, int count) => postgres
        ? $"SELECT n FROM generate_series(0, {count - 1}) AS n"
        : $"WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < {count - 1}) SELECT n FROM c";

    /// <summary>Row n's id: version-7-shaped, ordered like n; <paramref name="variant"/> (8000, 9000) keeps kinds apart.</summary>
    private static string RowId(bool postgres, string variant) => postgres
        ? $"(lpad(to_hex(n), 8, '0') || '-0000-7000-{variant}-' || lpad(to_hex(n), 12, '0'))::uuid"
        : $"printf('%08X-0000-7000-{variant}-%012X', n, n)";

    public static async Task SubscribersAsync(IServiceProvider services, Setup setup, int count)
    {
        await using var scope = setup.Scope(services);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var postgres = db.Database.IsNpgsql();
        string Id(Guid id) => postgres ? $"'{id:D}'::uuid" : $"'{id.ToString("D").ToUpperInvariant()}'";
        string Pick(string n, Guid[] ids) => $"CASE {n} {string.Join(" ", ids.Select((id, i) => $"WHEN {i} THEN {Id(id)}"))} END";

        var subscriptionId = RowId(postgres, "8000");
        var numbers = Numbers(postgres, count);
        var (yes, no, now) = postgres ? ("true", "false", "now()") : ("1", "0", "strftime('%Y-%m-%d %H:%M:%f', 'now')");
        var org = Id(setup.OrganizationId);

        await using var transaction = await db.Database.BeginTransactionAsync();
        await ExecuteAsync(db, $"""
            INSERT INTO subscriptions (id, organization_id, email, state, all_topics, all_districts, types, frequency, language,
                manage_key, consent_text_version, consent_given_at, confirmed_at, permanent_failures, created_at, updated_at)
            SELECT {subscriptionId}, {org}, 'abo' || n || '@bench.test', {(int)SubscriptionState.Confirmed}, {no},
                CASE WHEN (n / 4) % 5 = 0 THEN {yes} ELSE {no} END, {SubscribableTypes.All}, {(int)DeliveryFrequency.Immediately},
                CASE WHEN n % 10 = 0 THEN 'en' ELSE 'de' END, 'bench-key-' || n, '{ConsentText.Version}', {now}, {now}, 0, {now}, {now}
            FROM ({numbers}) AS numbers
            """);
        await ExecuteAsync(db, $"""
            INSERT INTO subscription_topics (subscription_id, topic_id)
            SELECT {subscriptionId}, {Pick("n % 4", setup.Topics[..4])} FROM ({numbers}) AS numbers
            """);
        await ExecuteAsync(db, $"""
            INSERT INTO subscription_districts (subscription_id, district_id)
            SELECT {subscriptionId}, {Pick("(n / 4) % 5 - 1", setup.Districts)} FROM ({numbers}) AS numbers WHERE (n / 4) % 5 <> 0
            """);
        await transaction.CommitAsync();
        // What autovacuum does on PostgreSQL after a load like this (since version 13 it vacuums tables that
        // only grew, too): statistics, and the visibility map that lets the fan-out read the subscriptions
        // from its covering index alone. SQLite plans without statistics unless someone runs ANALYZE, and
        // the app does not, so the bench leaves SQLite as it is.
        if (postgres)
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
    }

    /// <summary>
    /// Phase (d): <paramref name="count"/> push subscriptions, all on topic 5 (which no e-mail subscriber
    /// chose) and all districts, so the push alert reaches every one of them and no e-mail subscriber.
    /// Endpoint n is <c>{endpoint}/push/n</c>; the browser keys are real P-256 points and auth secrets,
    /// 16 different pairs by n % 16 (each message is encrypted with a fresh key pair of its own anyway).
    /// </summary>
    public static async Task PushSubscriptionsAsync(IServiceProvider services, Setup setup, int count, Uri endpoint)
    {
        await using var scope = setup.Scope(services);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var postgres = db.Database.IsNpgsql();
        string Id(Guid id) => postgres ? $"'{id:D}'::uuid" : $"'{id.ToString("D").ToUpperInvariant()}'";
        var browsers = Enumerable.Range(0, 16).Select(_ => Browser()).ToList();
        string Pick(Func<(string P256dh, string Auth), string> part) =>
            $"CASE n % 16 {string.Join(" ", browsers.Select((b, i) => $"WHEN {i} THEN '{part(b)}'"))} END";

        var subscriptionId = RowId(postgres, "9000");
        var numbers = Numbers(postgres, count);
        var (yes, no, now) = postgres ? ("true", "false", "now()") : ("1", "0", "strftime('%Y-%m-%d %H:%M:%f', 'now')");

        await using var transaction = await db.Database.BeginTransactionAsync();
        await ExecuteAsync(db, $"""
            INSERT INTO push_subscriptions (id, organization_id, endpoint, p256dh, auth, all_topics, all_districts, types, language,
                consent_text_version, consent_given_at, created_at, updated_at)
            SELECT {subscriptionId}, {Id(setup.OrganizationId)}, '{endpoint.GetLeftPart(UriPartial.Authority)}/push/' || n,
                {Pick(b => b.P256dh)}, {Pick(b => b.Auth)}, {no}, {yes}, {SubscribableTypes.All},
                CASE WHEN n % 10 = 0 THEN 'en' ELSE 'de' END, '{PushConsentText.Version}', {now}, {now}, {now}
            FROM ({numbers}) AS numbers
            """);
        await ExecuteAsync(db, $"""
            INSERT INTO push_subscription_topics (subscription_id, topic_id)
            SELECT {subscriptionId}, {Id(setup.Topics[5])} FROM ({numbers}) AS numbers
            """);
        await transaction.CommitAsync();
        if (postgres)
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE push_subscriptions, push_subscription_topics");
    }

    /// <summary>What a browser's PushSubscription holds: its P-256 public point and 16-byte auth secret, base64url.</summary>
    private static (string P256dh, string Auth) Browser()
    {
        using var key = System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return (System.Buffers.Text.Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]),
            System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
    }
}
