using Rathausplatz.Features.Newsroom;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// A channel with its own subscription table (in-app, web push…): the fan-out calls it after the
/// e-mail rows, in the same job, so a retried fan-out retries every channel. It inserts its missing
/// delivery rows (key post × subscription × channel, ON CONFLICT DO NOTHING) and starts its own
/// sending if it needs any. Register with <c>AddScoped&lt;IFanOutChannel, T&gt;()</c>.
/// </summary>
public interface IFanOutChannel
{
    Task<int> FanOutAsync(Post post, CancellationToken ct);
}
