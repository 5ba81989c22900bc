using Microsoft.EntityFrameworkCore.Storage;

namespace Rathausplatz.Features.Delivery;

/// <summary>
/// The database's half of a channel's point of no return, in two steps so that a crash can hardly
/// fall between "the database says sent" and "the receiver has the message":
/// <see cref="PrepareAsync"/> marks the rows sent in a transaction left open (a crash now rolls it
/// back: the message was never accepted and goes out again); <see cref="CommitAsync"/> sends the COMMIT
/// and hands back its answer as a task, so the channel writes its last byte right behind the COMMIT
/// and awaits the answer only then. What remains uncertain is the synchronous step between two socket
/// writes, not a database round trip (docs/delivery.md, "Exactly once").
/// </summary>
public sealed class SendCommit(Func<Task<IDbContextTransaction?>> markSent) : IAsyncDisposable
{
    private IDbContextTransaction? transaction;

    /// <summary>Null: the channel never reached its commit point. False: the rows were no longer ours, nothing went out. True: committed.</summary>
    public bool? Committed { get; private set; }

    /// <summary>Writes "sent" in an open transaction; throws <see cref="LeaseLostException"/> when the rows are no longer this worker's.</summary>
    public async Task PrepareAsync()
    {
        transaction = await markSent();
        if (transaction is null)
        {
            Committed = false;
            throw new LeaseLostException();
        }
    }

    /// <summary>
    /// Starts the commit: the COMMIT is on its way when this returns (Npgsql writes it before it waits for
    /// the answer; SQLite's commit is done by then); the task ends with the answer. The provider's own
    /// transaction, not EF's: EF's runs its interceptors after the answer, and when the answer is quick
    /// that work would fall between the COMMIT and the channel's last byte. Nothing here is tracked, so
    /// nothing is missed; disposing EF's transaction afterwards only releases it.
    /// </summary>
    public Task CommitAsync()
    {
        var committing = transaction!.GetDbTransaction().CommitAsync();
        Committed = true;
        return committing;
    }

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
