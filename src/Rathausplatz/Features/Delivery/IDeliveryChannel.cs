namespace Rathausplatz.Features.Delivery;

/// <summary>
/// A way to reach people (e-mail now; web push next). The engine claims, retries and counts; a channel
/// only sends one message and says how it went. Register with <c>AddKeyedScoped&lt;IDeliveryChannel, T&gt;(channel)</c>.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>One connection's worth of sending (an SMTP session); one per lane, used by one task at a time.</summary>
    IDeliverySession OpenSession(DeliveryLetter letter);

    /// <summary>
    /// A channel with subscriptions of its own (web push) finds the recipients of a claimed batch by
    /// subscription id; an id it does not return (subscription ended) makes its row Skipped. Null: the
    /// e-mail subscriptions table, read by the engine.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, DeliveryRecipient>?> RecipientsAsync(IReadOnlyCollection<Guid> ids, Guid postId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, DeliveryRecipient>?>(null);
}

public interface IDeliverySession : IAsyncDisposable
{
    /// <summary>
    /// Sends one message. A channel that can tell its point of no return (the moment after which the
    /// receiver keeps the message even if we die) prepares <paramref name="commit"/> just before it (if
    /// that throws, the message must not go out), then starts the commit and crosses the point at once.
    /// A channel that cannot tell leaves it alone, and the engine commits after <see cref="SendOutcome.Sent"/>.
    /// </summary>
    Task<SendResult> SendAsync(DeliveryRecipient recipient, SendCommit commit, CancellationToken ct);
}

public enum SendOutcome { Sent, RetryLater, RefusedForGood }

/// <summary>
/// How one try went. <c>AddressRefused</c>: the refusal was about the recipient (counts towards disabling
/// the subscription). <c>ConnectionLost</c>: the rest of the lane's batch waits for the retry too.
/// </summary>
public sealed record SendResult(SendOutcome Outcome, string? Error = null, bool AddressRefused = false, bool ConnectionLost = false)
{
    public static readonly SendResult Sent = new(SendOutcome.Sent);
}

/// <summary>Who gets the message: the subscription's address, language and the token of its links.</summary>
public sealed record DeliveryRecipient(Guid SubscriptionId, Guid PostId, DeliveryChannel Channel, string Address, string Language, string ManageToken);

/// <summary>The post as the channels tell it, read once per send job.</summary>
public sealed record DeliveryLetter(
    Guid PostId,
    Newsroom.PostType Type,
    Newsroom.AlertSeverity? Severity,
    string OrganizationName,
    string BaseUrl,
    string Slug,
    IReadOnlyDictionary<string, (string Title, string Summary)> Texts)
{
    /// <summary>The subscriber's language where the post has it, else German.</summary>
    public (string Title, string Summary) In(string language) =>
        Texts.TryGetValue(language, out var text) ? text : Texts[Newsroom.PostLanguages.German];

    public string Link => $"{BaseUrl}/aktuelles/{Slug}";
}
