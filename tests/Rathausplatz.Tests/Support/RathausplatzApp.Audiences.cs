using Microsoft.EntityFrameworkCore;
using MimeKit;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery;

namespace Rathausplatz.Tests.Support;

public abstract partial class RathausplatzApp
{
    /// <summary>Fills in /abonnieren as a person would: the address, and the topics, districts and types ticked (null: as the form offers).</summary>
    public static async Task<HttpResponseMessage> SubmitSubscriptionAsync(HttpClient client, string email,
        Guid[]? topics = null, Guid[]? districts = null, string[]? types = null, string? frequency = null, string? language = null)
    {
        var page = await client.GetPageAsync("/abonnieren");
        var form = page.Form().Set("Email", email);
        if (topics is not null)
            form.Check("Input.TopicIds", [.. topics.Select(t => t.ToString())]);
        if (districts is not null)
            form.Check("Input.DistrictIds", [.. districts.Select(d => d.ToString())]);
        if (types is not null)
            form.Check("Input.Types", types);
        if (frequency is not null)
            form.Check("Input.Frequency", frequency);
        if (language is not null)
            form.Check("Input.Language", language);
        return await form.SubmitAsync(client);
    }

    /// <summary>Opens the confirmation link and presses its button.</summary>
    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, Uri link)
    {
        var page = await client.GetPageAsync(link.PathAndQuery);
        return await page.Form().SubmitAsync(client);
    }

    /// <summary>The whole opt-in through the pages and the mail; returns the preferences link the confirmation page shows.</summary>
    public async Task<string> SubscribeAndConfirmAsync(TestOrganization organization, string email,
        Guid[]? topics = null, Guid[]? districts = null, string[]? types = null, string? frequency = null, string? language = null)
    {
        var client = CreateClient(organization);
        using var submitted = await SubmitSubscriptionAsync(client, email, topics, districts, types, frequency, language);
        Assert.Equal("/abonnieren/bestaetigen", submitted.RedirectTarget());
        await RunJobsUntilIdleAsync();
        var mail = Mail.MessagesTo(email).Last();
        using var confirmed = await ConfirmAsync(client, mail.Link());
        var page = await confirmed.ReadPageAsync();
        Assert.Contains("Ihr Abonnement ist bestätigt.", page.MainText());
        return page.QuerySelector("main a[href^='/abonnement/']")!.GetAttribute("href")!;
    }

    /// <summary>Mails to <paramref name="address"/> about a post (its title in the subject).</summary>
    public IReadOnlyList<MimeMessage> PostMailsTo(string address, string slug) =>
        Mail.MessagesTo(address).Where(m => m.Subject?.Contains(slug, StringComparison.Ordinal) == true).ToList();

    public async Task<List<Delivery>> DeliveriesAsync(Guid postId)
    {
        await using var scope = WithoutOrganization();
        return await scope.Db.Set<Delivery>().IgnoreQueryFilters().AsNoTracking().Where(d => d.PostId == postId).ToListAsync();
    }

    public async Task<Subscription?> FindSubscriptionAsync(TestOrganization organization, string email)
    {
        await using var scope = InOrganization(organization);
        return await scope.Db.Set<Subscription>().AsNoTracking().Include(s => s.Topics).Include(s => s.Districts)
            .SingleOrDefaultAsync(s => s.Email == email.ToLowerInvariant());
    }

    /// <summary>
    /// <paramref name="count"/> confirmed subscriptions to everything, stored directly (the opt-in is
    /// tested elsewhere); for tests about volume. Returns their addresses.
    /// </summary>
    public async Task<List<string>> AddConfirmedSubscribersAsync(TestOrganization organization, int count)
    {
        var prefix = Unique.Name("many");
        var addresses = Enumerable.Range(0, count).Select(n => $"{prefix}-{n}@example.org").ToList();
        await using var scope = InOrganization(organization);
        foreach (var chunk in addresses.Chunk(1000))
        {
            scope.Db.AddRange(chunk.Select(a => new Subscription
            {
                Email = a, State = SubscriptionState.Confirmed, ConsentTextVersion = ConsentText.Version,
                ConsentGivenAt = Now, ConfirmedAt = Now, CreatedAt = Now, UpdatedAt = Now,
            }));
            await scope.Db.SaveChangesAsync();
            scope.Db.ChangeTracker.Clear();
        }
        return addresses;
    }

    /// <summary>Runs the send step of a post's deliveries directly, as a worker's job would (for tests of parallel senders).</summary>
    public async Task SendDeliveriesAsync(TestOrganization organization, Guid postId, string cause)
    {
        await using var scope = InOrganization(organization);
        await scope.Get<SendDeliveries>().RunAsync(new SendDeliveries.Payload(postId, DeliveryChannel.Email, Alert: false), cause, CancellationToken.None);
    }
}

public static class DeliveryMailExtensions
{
    /// <summary>The address of the one-click unsubscribe header (RFC 8058).</summary>
    public static Uri OneClickUnsubscribe(this MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        return new Uri(header.Trim().TrimStart('<').TrimEnd('>'));
    }
}

public static class DigestMailExtensions
{
    /// <summary>Digest mails among <paramref name="mails"/> (their subject names them).</summary>
    public static List<MimeMessage> Digests(this IEnumerable<MimeMessage> mails) =>
        mails.Where(m => m.Subject?.Contains("Zusammenfassung", StringComparison.Ordinal) == true).ToList();
}
